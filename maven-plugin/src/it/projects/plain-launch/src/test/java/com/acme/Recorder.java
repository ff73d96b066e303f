package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each test class writes the PID of the JVM it ran in to {@code <it.records>/<class>.txt}. */
public final class Recorder {
    private Recorder() {}

    public static void record(Class<?> testClass) {
        try {
            Path dir = Path.of(System.getProperty("it.records"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(testClass.getName() + ".txt"), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
