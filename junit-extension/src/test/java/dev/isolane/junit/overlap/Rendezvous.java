package dev.isolane.junit.overlap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;

/**
 * What each overlap fixture does in its forked JVM: say it arrived (a file named by its PID in the directory {@code
 * isolane.test.rendezvous} names), then wait until {@code isolane.test.rendezvous.count} forks have arrived. Forks
 * that ran one after another could never all arrive, so a class that gets through proves the others ran beside it.
 */
final class Rendezvous {

    static final String DIRECTORY = "isolane.test.rendezvous";
    static final String COUNT = "isolane.test.rendezvous.count";
    private static final long DEADLINE_MILLIS = 60_000;

    private Rendezvous() {}

    static void arrive(TestReporter reporter) throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        reporter.publishEntry("pid", String.valueOf(pid));
        reporter.publishEntry("start", String.valueOf(System.currentTimeMillis()));
        Path directory = Path.of(System.getProperty(DIRECTORY));
        int expected = Integer.parseInt(System.getProperty(COUNT));
        Files.writeString(directory.resolve(pid + ".arrived"), "");
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        while (arrived(directory) < expected) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("only " + arrived(directory) + " of " + expected + " forks arrived within "
                        + DEADLINE_MILLIS + " ms: they did not run at the same time");
            }
            Thread.sleep(20);
        }
    }

    static void leave(TestReporter reporter) {
        reporter.publishEntry("end", String.valueOf(System.currentTimeMillis()));
    }

    private static long arrived(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".arrived")).count();
        }
    }
}
