package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.isolane.core.history.History;
import dev.isolane.core.history.HistoryFile;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.Lane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spare isolated JVMs, started ahead as many as the last run isolated, are lean; a class that ran long last time
 * wants a JVM with the default JIT. With every fork taken by a spare, that class must still run.
 */
class SparesRunTest {

    private static final String FIXTURES = "dev.isolane.core.fixtures.";

    @TempDir
    Path dir;

    @Test
    void aLongClassTakesALeanSpareWhenSparesHoldEveryFork() throws Exception {
        // Found with the sample project: CustomTaxRatesTest took 6.5 s on a busy machine, and the next run hung with
        // both forks held by idle spares while it waited at the head of the queue.
        HistoryFile.write(dir.resolve("history.json"), new History(History.SCHEMA_VERSION, "2026-12-01T00:00:00Z",
                Map.of(FIXTURES + "IsolatedFixture", new History.ClassHistory(60_000, Lane.ISOLATED, List.of()),
                        FIXTURES + "IsolatedForkNumberFixture", new History.ClassHistory(100, Lane.ISOLATED,
                                List.of()))));

        RunReport report = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> RunHarness.run(dir,
                b -> b.forks(2), FIXTURES + "IsolatedFixture", FIXTURES + "IsolatedForkNumberFixture"));

        assertThat(report.classes()).hasSize(2).allSatisfy(result -> {
            assertThat(result.lane()).isEqualTo(Lane.ISOLATED);
            assertThat(result.outcome()).isEqualTo(ClassOutcome.PASSED);
        });
    }
}
