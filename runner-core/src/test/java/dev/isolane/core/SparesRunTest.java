package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.history.History;
import dev.isolane.core.history.HistoryFile;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Isolated JVMs started ahead of discovery (spares) never keep a class from its JVM. */
class SparesRunTest {

    private static final String ISOLATED = "dev.isolane.core.fixtures.IsolatedFixture";

    @TempDir
    Path dir;

    /**
     * The history says the isolated class ran long last time, so it gets a JVM with the default JIT, not a lean spare.
     * With every fork slot held by a lean spare, the spare makes way (it used to wait for the queue to empty: forever).
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aLongIsolatedClassGetsItsJvmWhenSparesHoldEverySlot() throws Exception {
        HistoryFile.write(dir.resolve("history.json"), new History(History.SCHEMA_VERSION, "2026-12-03T10:00:00Z",
                Map.of(ISOLATED, new History.ClassHistory(6_000, Lane.ISOLATED, List.of()))));

        RunReport report = RunHarness.run(dir, b -> b.forks(1), ISOLATED);

        assertThat(report.classes()).singleElement().satisfies(result -> {
            assertThat(result.lane()).isEqualTo(Lane.ISOLATED);
            assertThat(result.outcome()).isEqualTo(ClassOutcome.PASSED);
        });
    }
}
