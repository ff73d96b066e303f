package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.launch.LaunchTimeouts;
import dev.isolane.core.model.Lane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which classes ran past the timeout, on a clock the test sets. */
class ClassTimeoutsTest {

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void end() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void aClassPastTheTimeoutIsMarkedAndAThreadDumpThatNeverComesIsGivenUpOn() throws Exception {
        process = new ProcessBuilder("sleep", "60").start();
        WorkerHandle worker = new WorkerHandle("shared-1", Lane.SHARED, process,
                Files.createFile(dir.resolve("shared-1.log")), null, 1, false);
        ClassRun slow = new ClassRun("a.SlowTest", Lane.SHARED);
        ClassRun quick = new ClassRun("a.QuickTest", Lane.SHARED);
        for (ClassRun run : List.of(slow, quick)) {
            run.assignTo(worker);
            worker.classesInFlight().add(run.className());
        }
        long begin = System.nanoTime();
        slow.started("isolane-shared-1", 0);
        Map<String, ClassRun> runs = Map.of(slow.className(), slow, quick.className(), quick);
        ClassTimeouts timeouts = new ClassTimeouts(Duration.ofSeconds(10), null, runs::get, run -> { });

        long justBefore = begin + TimeUnit.SECONDS.toNanos(9);
        assertThat(timeouts.check(List.of(worker), justBefore)).isEmpty();
        assertThat(slow.isTimedOut()).isFalse();

        long past = System.nanoTime() + TimeUnit.SECONDS.toNanos(11);
        assertThat(timeouts.check(List.of(worker), past)).isEmpty();
        assertThat(slow.isTimedOut()).isTrue();
        assertThat(quick.isTimedOut()).as("never started, so never late").isFalse();
        assertThat(worker.isDumpPending()).isTrue();

        long dumpOverdue = past + LaunchTimeouts.THREAD_DUMP.toNanos() + 1;
        assertThat(timeouts.check(List.of(worker), dumpOverdue)).containsExactly(worker);
    }

    @Test
    void noTimeoutChecksNothing() {
        ClassTimeouts none = new ClassTimeouts(Duration.ZERO, null, name -> null, run -> { });
        assertThat(none.check(null, Long.MAX_VALUE)).isEmpty();
    }
}
