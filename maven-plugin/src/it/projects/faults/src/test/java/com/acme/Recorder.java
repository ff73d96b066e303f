package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each test class writes where and when it ran: "pid thread startMillis endMillis". */
public final class Recorder {
    private Recorder() {}

    public static void record(Class<?> testClass, long startMillis) {
        String line = ProcessHandle.current().pid() + " " + Thread.currentThread().getName() + " " + startMillis + " "
                + System.currentTimeMillis() + "\n";
        try {
            Path dir = Path.of(System.getProperty("it.records"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(testClass.getName() + ".txt"), line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
