package dev.isolane.core;

import static dev.isolane.core.RunHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.ReplaySummary;
import dev.isolane.core.model.Violation;
import dev.isolane.core.report.JsonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirmation by replay end to end: planted classes run one after the other in the real shared JVM, then each
 * violation with a reader is replayed in real fresh JVMs, the reader alone and the writer then the reader.
 */
class ConfirmationRunTest {

    private static final String F = "dev.isolane.core.fixtures.confirm.";
    private static final String STATE = "dev.isolane.core.fixtures.state.";

    @TempDir
    static Path dir;
    private static RunReport report;

    @BeforeAll
    static void runPlantedPairs() throws Exception {
        // One thread, alphabetical: each writer runs before its reader, so the reader sees its change.
        report = RunHarness.run(dir, b -> b.threads(1).confirm(ConfirmMode.ALL)
                        .runOrder(RunOrder.parse("runOrder", "alphabetical", null)),
                F + "LeakFixture", F + "LevelSetterFixture", F + "LevelUserFixture", F + "PolluterFixture",
                F + "VictimFixture");
    }

    @Test
    void theVictimFailsInTheRunAfterThePolluterAndEveryOtherClassPasses() {
        assertThat(result(report, F + "VictimFixture").outcome()).isEqualTo(ClassOutcome.FAILED);
        assertThat(result(report, F + "LevelUserFixture").outcome()).isEqualTo(ClassOutcome.PASSED);
    }

    @Test
    void aWriterThatBreaksItsReaderIsConfirmedWithTheReadersTestAndMessage() {
        Confirmation confirmation = violation(STATE + "Mode.current").confirmation();

        assertThat(confirmation.status()).isEqualTo(Confirmation.Status.CONFIRMED);
        assertThat(confirmation.writer()).isEqualTo(F + "PolluterFixture");
        assertThat(confirmation.reader()).isEqualTo(F + "VictimFixture");
        assertThat(confirmation.test()).isEqualTo("[engine:junit-jupiter]/[class:" + F + "VictimFixture]"
                + "/[method:readsDefaultMode()]");
        assertThat(confirmation.message()).isEqualTo("expected: <default> but was: <strict>");
    }

    @Test
    void aWriterWhoseChangeTheReaderToleratesIsNotReproduced() {
        assertThat(violation(STATE + "Level.value").confirmation())
                .isEqualTo(Confirmation.notReproduced(F + "LevelSetterFixture", F + "LevelUserFixture"));
    }

    @Test
    void aWriterWithoutReaderIsNotTried() {
        assertThat(violation("isolane.fixture.confirm.leak").confirmation())
                .isEqualTo(Confirmation.notTried("no reader seen"));
    }

    @Test
    void theSummaryCountsTheReplaysAndTheirJvms() {
        ReplaySummary replay = report.replay();
        assertThat(replay.mode()).isEqualTo("all");
        assertThat(replay.violations()).isEqualTo(3);
        assertThat(replay.replayed()).isEqualTo(2);
        assertThat(replay.confirmed()).isEqualTo(1);
        assertThat(replay.jvms()).isEqualTo(4); // each reader alone, each writer then its reader
        assertThat(replay.budgetMillis()).isEqualTo(-1);
        assertThat(replay.durationMillis()).isPositive();
    }

    @Test
    void theJsonReportCarriesEachConfirmationAndTheSummary() throws Exception {
        String json = Files.readString(dir.resolve("reports").resolve(JsonReport.FILE_NAME));
        assertThat(json).contains("\"status\": \"confirmed\"", "\"status\": \"not-reproduced\"",
                "\"status\": \"not-tried\"", "\"reason\": \"no reader seen\"", "\"replay\": {");

        JsonReport.Document read = JsonReport.read(dir.resolve("reports").resolve(JsonReport.FILE_NAME));
        assertThat(read.violations()).extracting(Violation::confirmation)
                .containsExactlyElementsOf(report.violations().stream().map(Violation::confirmation).toList());
        assertThat(read.replay()).isEqualTo(report.replay());
    }

    private static Violation violation(String target) {
        return report.violations().stream().filter(v -> v.target().equals(target)).findFirst().orElseThrow();
    }
}
