package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Each test class writes its JVM's PID, Java version and start-up archive options: "pid version option...". */
final class JvmRecord {
    private JvmRecord() {}

    static void write(Class<?> testClass) {
        String options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-XX:AOTCache") || option.startsWith("-XX:SharedArchiveFile"))
                .collect(Collectors.joining(" "));
        String line = ProcessHandle.current().pid() + " " + System.getProperty("java.version") + " " + options;
        try {
            Path dir = Path.of(System.getProperty("it.records"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(testClass.getName() + ".txt"), line.strip() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
