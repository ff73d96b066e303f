package com.acme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Each class says it arrived (a file in {@code it.records}), waits until {@code it.meeting} classes have, then writes
 * "pid startMillis endMillis". Classes run one after another never all arrive: the first gives up after a minute.
 */
final class Meeting {
    private Meeting() {}

    static void attend(Class<?> testClass) throws IOException, InterruptedException {
        long start = System.currentTimeMillis();
        Path dir = Files.createDirectories(Path.of(System.getProperty("it.records")));
        int expected = Integer.parseInt(System.getProperty("it.meeting"));
        Files.writeString(dir.resolve(testClass.getName() + ".arrived"), "");
        long deadline = start + 60_000;
        while (arrived(dir) < expected) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("only " + arrived(dir) + " of " + expected + " classes arrived");
            }
            Thread.sleep(20);
        }
        Files.writeString(dir.resolve(testClass.getName() + ".txt"), ProcessHandle.current().pid() + " " + start
                + " " + System.currentTimeMillis() + "\n");
    }

    private static long arrived(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".arrived")).count();
        }
    }
}
