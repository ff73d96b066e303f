package dev.isolane.core;

import dev.isolane.core.run.Isolane;
import static dev.isolane.core.RunHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.Lane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** isolation=auto on real worker JVMs: a run learns the violators, the next run forks them and says so. */
class AutoIsolationRunTest {

    private static final String F = "dev.isolane.core.fixtures.";

    @TempDir
    Path dir;

    @Test
    void theNextAutoRunForksTheClassesThatLeftStateChanged() throws Exception {
        Files.writeString(Files.createDirectories(dir).resolve("history.json"), "{ this is not json");
        List<String> lines = new ArrayList<>();
        RunReport first = run(lines, Isolation.AUTO);

        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[WARNING] The history file")
                .contains("is corrupt"));
        assertThat(first.violations()).extracting(v -> v.writers().get(0)).containsExactly(F + "PropertyLeakFixture");
        assertThat(Files.readString(dir.resolve("history.json"))).contains("\"schemaVersion\": 1")
                .contains(F + "PropertyLeakFixture").contains("isolane.fixture.leak");

        lines.clear();
        RunReport second = run(lines, Isolation.AUTO);
        assertThat(result(second, F + "PropertyLeakFixture").lane()).isEqualTo(Lane.ISOLATED);
        assertThat(result(second, F + "SleepyOneFixture").lane()).isEqualTo(Lane.SHARED);
        assertThat(second.violations()).isEmpty();
        assertThat(lines).contains("[INFO] Isolating " + F + "PropertyLeakFixture: the history file records it"
                + " changing shared state that other classes saw or that it left changed (isolation=auto)");
        assertThat(lines).noneMatch(l -> l.contains("history file") && l.startsWith("[WARNING]"));

        // The class ran isolated, so nothing new was learned about it: it stays a violator for the next auto run.
        assertThat(Files.readString(dir.resolve("history.json"))).contains("isolane.fixture.leak");
        lines.clear();
        RunReport annotated = run(lines, Isolation.ANNOTATED);
        assertThat(result(annotated, F + "PropertyLeakFixture").lane()).isEqualTo(Lane.SHARED);
    }

    private RunReport run(List<String> lines, Isolation isolation) throws Exception {
        RunConfig config = RunHarness.config(dir, F + "PropertyLeakFixture", F + "SleepyOneFixture")
                .detection(Detection.STATICS).isolation(isolation).build();
        return Isolane.run(config, RunHarness.recording(lines));
    }
}
