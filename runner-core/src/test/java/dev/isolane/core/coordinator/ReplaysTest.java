package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunHarness;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay JVMs for real: two classes one after the other in one fresh JVM, and JVMs that must be ended. */
class ReplaysTest {

    private static final String F = "dev.isolane.core.fixtures.";

    @TempDir
    Path dir;

    @Test
    void aJobRunsItsClassesInOrderInOneFreshJvmAndAHangingOneIsEndedAtItsLimit() throws Exception {
        RunConfig config = RunHarness.config(dir, F + "confirm.*", F + "HangingFixture").forks(2).build();
        Replays.Job pair = new Replays.Job("pair", List.of(F + "confirm.PolluterFixture",
                F + "confirm.VictimFixture"), 60_000);
        Replays.Job hanging = new Replays.Job("hang", List.of(F + "HangingFixture"), 5_000);
        List<Replays.Result> results = new ArrayList<>();

        Replays.Stats stats = new Replays(config, RunHarness.recording(new ArrayList<>())).run(jobs(results, pair, hanging), -1);

        assertThat(stats.jvms()).isEqualTo(2);
        Map<String, Replays.Result> byId = results.stream()
                .collect(Collectors.toMap(r -> r.job().id(), r -> r));
        Replays.Result finished = byId.get("pair");
        assertThat(finished.finished()).isTrue();
        assertThat(finished.tests().get(F + "confirm.VictimFixture")).extracting(TestResult::reportName,
                TestResult::status).contains(org.assertj.core.groups.Tuple.tuple("readsDefaultMode",
                TestStatus.FAILED));
        assertThat(byId.get("hang").failure()).startsWith("did not finish within 5.0 s");
    }

    @Test
    void aJobStillRunningWhenTheBudgetEndsIsStoppedAndNoOtherStarts() throws Exception {
        RunConfig config = RunHarness.config(dir, F + "HangingFixture").forks(1).build();
        Replays.Job first = new Replays.Job("first", List.of(F + "HangingFixture"), 600_000);
        Replays.Job second = new Replays.Job("second", List.of(F + "HangingFixture"), 600_000);
        List<Replays.Result> results = new ArrayList<>();

        Replays.Stats stats = new Replays(config, RunHarness.recording(new ArrayList<>())).run(jobs(results, first, second), 2_000);

        assertThat(results).extracting(r -> r.job().id()).containsExactly("first");
        assertThat(results.get(0).failure()).isEqualTo("stopped when the replay budget of 2.0 s ran out");
        assertThat(stats.jvms()).isEqualTo(1);
    }

    /** Hands out the jobs in order while time remains, and records what came back. */
    private static Replays.Jobs jobs(List<Replays.Result> results, Replays.Job... jobs) {
        Deque<Replays.Job> left = new ArrayDeque<>(List.of(jobs));
        return new Replays.Jobs() {
            @Override
            public Replays.Job next(long remainingMillis) {
                return remainingMillis == 0 ? null : left.poll();
            }

            @Override
            public void finished(Replays.Result result) {
                results.add(result);
            }
        };
    }
}
