package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each class writes the PID of the JVM it ran in to {@code <it.pids>/<class>}. */
final class Pids {
    private Pids() {}

    static void record(Class<?> testClass) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.pids")));
            Files.writeString(dir.resolve(testClass.getName()), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
