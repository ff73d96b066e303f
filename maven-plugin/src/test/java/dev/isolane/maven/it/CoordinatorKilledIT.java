package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        long shared = pid(build, pids.resolve("shared"));
        long isolated = pid(build, pids.resolve("isolated"));
        assertThat(workersOf(build)).as("worker JVMs of this build before the kill").hasSizeGreaterThanOrEqualTo(2);

        build.signal("KILL"); // the coordinator gets no chance to clean up
        build.process().waitFor();

        long killed = System.nanoTime();
        Await.until(Duration.ofSeconds(20), "every worker of the SIGKILLed coordinator to exit",
                () -> survivors(build, shared, isolated), List::isEmpty);
        System.out.printf("Workers of a SIGKILLed coordinator were gone %d ms after it died%n",
                (System.nanoTime() - killed) / 1_000_000);
    }

    private static long pid(MavenBuild.Running build, Path file) {
        return Long.parseLong(build.awaitFile(file, Duration.ofMinutes(3)).trim());
    }

    /** The two workers the tests named, if alive, and any other live process of this build. */
    private static List<String> survivors(MavenBuild.Running build, long shared, long isolated) {
        List<String> survivors = new ArrayList<>();
        if (MavenBuild.alive(shared)) {
            survivors.add("shared worker pid " + shared);
        }
        if (MavenBuild.alive(isolated)) {
            survivors.add("isolated worker pid " + isolated);
        }
        workersOf(build).forEach(process -> survivors.add("pid " + process.pid() + " running for "
                + build.directory() + ": " + process.info().commandLine().orElse("?")));
        return survivors;
    }

    /** Every live process whose command line names this build's directory: its workers (and Maven, if alive). */
    private static List<ProcessHandle> workersOf(MavenBuild.Running build) {
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
