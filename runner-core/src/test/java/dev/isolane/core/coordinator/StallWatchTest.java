package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.Lane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class running far longer than usual, with no timeout set, is shown once, with where its thread waits. */
class StallWatchTest {

    @TempDir
    Path dir;

    private Process process;
    private final List<String> shown = new ArrayList<>();

    @AfterEach
    void end() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void thresholdsComeFromTheHistoryWithAFloorOrTenMinutesWithout() {
        StallWatch watch = new StallWatch(Duration.ZERO, name -> switch (name) {
            case "a.Quick" -> OptionalLong.of(50);
            case "a.Usual" -> OptionalLong.of(3_000);
            default -> OptionalLong.empty();
        }, name -> null, shown::add);

        assertThat(watch.thresholdMillis("a.Quick")).isEqualTo(StallWatch.MIN_MILLIS);
        assertThat(watch.thresholdMillis("a.Usual")).isEqualTo(30_000);
        assertThat(watch.thresholdMillis("a.New")).isEqualTo(TimeUnit.MINUTES.toMillis(10));
    }

    @Test
    void aStalledClassIsShownOnceWithItsOwnThread() throws Exception {
        process = new ProcessBuilder("sleep", "60").start();
        WorkerHandle worker = new WorkerHandle("shared-1", Lane.SHARED, process,
                Files.createFile(dir.resolve("shared-1.log")), null, 1, false);
        ClassRun stuck = new ClassRun("a.StuckTest", Lane.SHARED);
        stuck.assignTo(worker);
        worker.classesInFlight().add("a.StuckTest");
        long begin = System.nanoTime();
        stuck.started("isolane-shared-2", 0);
        StallWatch watch = new StallWatch(Duration.ZERO, name -> OptionalLong.of(100),
                Map.of("a.StuckTest", stuck)::get, shown::add);

        watch.check(List.of(worker), begin + TimeUnit.SECONDS.toNanos(5));
        assertThat(worker.stalledClasses()).as("not yet").isEmpty();
        watch.check(List.of(worker), begin + TimeUnit.SECONDS.toNanos(11));
        assertThat(worker.stalledClasses()).containsExactly("a.StuckTest");

        watch.dumped(worker, """
                Thread dump of pid 1 at 2026-12-03T10:00:00Z, 2 threads

                "isolane-shared-2" #31 prio=5 os_prio=0 tid=0x1 nid=0x2 waiting on condition
                   java.lang.Thread.State: TIMED_WAITING (sleeping)
                \tat java.lang.Thread.sleep(Native Method)
                \tat a.StuckTest.waitsForEver(StuckTest.java:9)

                "main" #1 prio=5 RUNNABLE
                """, begin + TimeUnit.SECONDS.toNanos(12));
        watch.check(List.of(worker), begin + TimeUnit.SECONDS.toNanos(30));

        assertThat(shown).singleElement().asString()
                .startsWith("a.StuckTest has run 1").contains("more than 10 times the 0.1 s it took last time")
                .contains("No timeout is set, so it goes on").contains("a.StuckTest.waitsForEver(StuckTest.java:9)")
                .doesNotContain("\"main\"");
        assertThat(worker.stalledClasses()).isEmpty();
    }

    @Test
    void withATimeoutTheTimeoutDoesThisJob() throws Exception {
        process = new ProcessBuilder("sleep", "60").start();
        WorkerHandle worker = new WorkerHandle("shared-1", Lane.SHARED, process,
                Files.createFile(dir.resolve("shared-1.log")), null, 1, false);
        ClassRun stuck = new ClassRun("a.StuckTest", Lane.SHARED);
        stuck.assignTo(worker);
        worker.classesInFlight().add("a.StuckTest");
        stuck.started("isolane-shared-2", 0);
        StallWatch watch = new StallWatch(Duration.ofMinutes(5), name -> OptionalLong.of(100),
                Map.of("a.StuckTest", stuck)::get, shown::add);

        watch.check(List.of(worker), System.nanoTime() + TimeUnit.MINUTES.toNanos(4));

        assertThat(worker.stalledClasses()).isEmpty();
    }
}
