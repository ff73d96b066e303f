package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the running JVM's PID as soon as a test starts, so the IT can watch that process. */
final class PidFile {
    private PidFile() {}

    static void write(Class<?> testClass) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.records")));
            Path partial = dir.resolve(testClass.getName() + ".tmp");
            Files.writeString(partial, String.valueOf(ProcessHandle.current().pid()));
            Files.move(partial, dir.resolve(testClass.getName() + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
