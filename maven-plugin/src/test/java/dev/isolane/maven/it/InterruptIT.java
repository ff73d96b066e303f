package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ctrl-C on a build: Maven stops, and so does every worker JVM it started. */
class InterruptIT {

    @Test
    void ctrlCEndsTheSharedAndTheIsolatedWorkers() throws Exception {
        MavenBuild.Running build = MavenBuild.project("interrupted").timeout(Duration.ofMinutes(3)).start();
        Path records = build.directory().resolve("target/records");
        List<Long> workers = List.of(awaitPid(build, records, "com.acme.LongSharedTest"),
                awaitPid(build, records, "com.acme.LongIsolatedTest"));
        assertThat(workers).allSatisfy(pid -> assertThat(alive(pid)).isTrue());

        build.signal("INT");

        BuildResult result = build.await();
        assertThat(result.exitCode()).isNotZero();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (workers.stream().anyMatch(InterruptIT::alive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(workers).as("worker JVMs left running after Ctrl-C").noneMatch(InterruptIT::alive);
    }

    private static long awaitPid(MavenBuild.Running build, Path records, String className) throws Exception {
        Path file = records.resolve(className + ".pid");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(file)) {
            if (!build.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(className + " never started; build log:\n" + read(build.log()));
            }
            Thread.sleep(100);
        }
        return Long.parseLong(Files.readString(file).trim());
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
