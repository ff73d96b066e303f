package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maven (the coordinator) is killed with SIGKILL while a shared and an isolated class hang: no shutdown hook runs in
 * it, yet every worker JVM must exit within seconds, and the process table must hold no orphan.
 */
class CoordinatorKilledIT {

    @Test
    void everyWorkerExitsWithinSecondsAndNoOrphanIsLeft() throws Exception {
        MavenBuild.Running build = MavenBuild.project("stuck").start();
        Path pids = build.directory().resolve("target/pids");
        long shared = awaitPid(build, pids.resolve("shared"));
        long isolated = awaitPid(build, pids.resolve("isolated"));
        assertThat(workersOf(build)).as("worker JVMs of this build before the kill").hasSizeGreaterThanOrEqualTo(2);

        build.signal("KILL"); // the coordinator gets no chance to clean up
        build.process().waitFor();

        long killed = System.nanoTime();
        long deadline = killed + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && (alive(shared) || alive(isolated) || !workersOf(build).isEmpty())) {
            Thread.sleep(50);
        }
        System.out.printf("Workers of a SIGKILLed coordinator were gone %d ms after it died%n",
                (System.nanoTime() - killed) / 1_000_000);
        assertThat(alive(shared)).as("shared worker pid " + shared + " alive").isFalse();
        assertThat(alive(isolated)).as("isolated worker pid " + isolated + " alive").isFalse();
        assertThat(workersOf(build)).as("processes still running for " + build.directory()).isEmpty();
    }

    private static long awaitPid(MavenBuild.Running build, Path file) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && !Files.readString(file).isBlank()) {
                return Long.parseLong(Files.readString(file).trim());
            }
            if (!build.process().isAlive()) {
                throw new AssertionError("Maven ended before the workers started:\n" + build.logSoFar());
            }
            Thread.sleep(200);
        }
        build.process().destroyForcibly();
        throw new AssertionError("no worker wrote " + file + ":\n" + build.logSoFar());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Every live process whose command line names this build's directory: its workers (and Maven, if alive). */
    private static List<ProcessHandle> workersOf(MavenBuild.Running build) throws IOException {
        String directory = build.directory().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(line -> line.contains(directory)).orElse(false)
                        || process.info().arguments().map(List::of).map(Object::toString)
                                .map(args -> args.contains(directory)).orElse(false))
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .toList();
    }
}
