package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each test class writes where and when it ran ("pid thread startMillis endMillis") and what its JVM was given. */
public final class Recorder {
    private Recorder() {}

    public static void record(Class<?> testClass, long startMillis) {
        write("it.records", testClass, ProcessHandle.current().pid() + " " + Thread.currentThread().getName() + " "
                + startMillis + " " + System.currentTimeMillis() + "\n");
        // The fork number its JVM got, and where the code under test came from: the jar, or the classes directory.
        write("it.facts", testClass, System.getProperty("it.fork") + " "
                + Calculator.class.getProtectionDomain().getCodeSource().getLocation().getPath() + "\n");
    }

    private static void write(String property, Class<?> testClass, String line) {
        try {
            Path dir = Path.of(System.getProperty(property));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(testClass.getName() + ".txt"), line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
