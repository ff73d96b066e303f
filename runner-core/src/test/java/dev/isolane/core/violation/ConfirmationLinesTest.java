package dev.isolane.core.violation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.FailOnViolation;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunHarness;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.ReplaySummary;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.model.Violation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmationLinesTest {

    private static final String VICTIM = "com.acme.VictimTest";
    private static final Violation HARMLESS = new Violation(StateKind.STATIC_FIELD, "com.acme.Cache.size",
            List.of("com.acme.FillerTest"), List.of("com.acme.SizeTest"), false, false, "fix cache")
            .withConfirmation(Confirmation.notReproduced("com.acme.FillerTest", "com.acme.SizeTest"));
    private static final Violation BREAKS = new Violation(StateKind.STATIC_FIELD, "com.acme.Config.mode",
            List.of("com.acme.PolluterTest"), List.of(VICTIM), false, false, "fix mode")
            .withConfirmation(Confirmation.confirmed("com.acme.PolluterTest", VICTIM,
                    "[engine:junit-jupiter]/[class:" + VICTIM + "]/[method:readsDefaultMode()]",
                    "expected: <a> but was: <b>\n\tat somewhere"));
    private static final Violation UNREAD = new Violation(StateKind.SYSTEM_PROPERTY, "acme.region",
            List.of("com.acme.RegionTest"), List.of(), false, false, "fix region")
            .withConfirmation(Confirmation.notTried("no reader seen"));

    @Test
    void confirmedViolationsComeFirstSayingWhatBrokeAndNotReproducedOnesLast() {
        assertThat(ViolationsReport.lines(List.of(HARMLESS, UNREAD, BREAKS))).containsExactly(
                "  static field com.acme.Config.mode -- left changed",
                "    com.acme.PolluterTest -> com.acme.VictimTest",
                "    confirmed: PolluterTest breaks VictimTest.readsDefaultMode: expected: <a> but was: <b> ...",
                "    fix: fix mode",
                "  system property acme.region -- left changed",
                "    com.acme.RegionTest -> (no reader seen)",
                "    not tried: no reader seen",
                "    fix: fix region",
                "  static field com.acme.Cache.size -- left changed",
                "    com.acme.FillerTest -> com.acme.SizeTest",
                "    not reproduced: SizeTest's tests had the same outcomes alone and after FillerTest",
                "    fix: fix cache");
    }

    @Test
    void aReaderThatFailsAloneAndPassesAfterTheWriterNeedsTheWriter() {
        Violation needed = new Violation(StateKind.STATIC_FIELD, "com.acme.Registry.ENTRIES",
                List.of("com.acme.FillTest"), List.of("com.acme.LookupTest"), false, false, "h")
                .withConfirmation(OutcomeComparison.compare("com.acme.FillTest", "com.acme.LookupTest",
                        List.of(result("findsYaml", TestStatus.FAILED, "expected: <Yaml> but was: <null>")),
                        List.of(result("findsYaml", TestStatus.PASSED, null))));

        assertThat(ConfirmationLines.line(needed)).isEqualTo("confirmed: LookupTest.findsYaml needs FillTest first:"
                + " expected: <Yaml> but was: <null> (fails alone, passed after FillTest)");
    }

    @Test
    void aNotReproducedViolationWhoseWriterRestoredTheStateSaysThatOnlyARunAtTheSameTimeCanShowIt() {
        Violation restored = new Violation(StateKind.STATIC_FIELD, "com.acme.Builder.name", List.of("com.acme.ATest"),
                List.of("com.acme.BTest"), true, true, "h")
                .withConfirmation(Confirmation.notReproduced("com.acme.ATest", "com.acme.BTest"));

        assertThat(ConfirmationLines.line(restored)).isEqualTo("not reproduced: BTest's tests had the same outcomes"
                + " alone and after ATest (the writer restores it: only a run at the same time can show it)");
    }

    @Test
    void testNamesComeFromTheUniqueIdsLastSegment() {
        assertThat(ConfirmationLines.testName("[engine:junit-jupiter]/[class:a.B]/[method:reads()]", "a.B"))
                .isEqualTo("reads");
        assertThat(ConfirmationLines.testName("[engine:junit-jupiter]/[class:a.B]/[method:reads(int)]", "a.B"))
                .isEqualTo("reads(int)");
        assertThat(ConfirmationLines.testName("[engine:junit-vintage]/[runner:a.B]/[test:reads(a.B)]", "a.B"))
                .isEqualTo("reads");
        assertThat(ConfirmationLines.testName("[engine:junit-jupiter]/[class:a.B]", "a.B")).isEmpty();
        assertThat(ConfirmationLines.testName("[isolane:runner]/[class:a.B]", "a.B")).isEmpty();
    }

    @Test
    void theSummarySaysHowManyWereReplayedInWhatTimeAgainstTheBudgetAndOnceWhyOthersWereNot() {
        Violation crashed = HARMLESS.withConfirmation(Confirmation.notTried("replaying A then B: exited with code 1"));
        RunReport report = report(List.of(BREAKS, crashed, UNREAD),
                new ReplaySummary("auto", 3, 1, 1, 3, 2_140, 4_000));
        List<String> printed = new ArrayList<>();

        ViolationsReport.print(RunHarness.recording(printed), report);

        assertThat(printed).contains(
                "[INFO] Confirmation: replayed 1 of 3 violations in 2.1 s (budget 4.0 s): 1 confirmed, 0 not"
                        + " reproduced, 2 not tried",
                "[INFO] Confirmation: not tried: replaying A then B: exited with code 1");
        assertThat(ConfirmationLines.summary(report(List.of(BREAKS),
                new ReplaySummary("all", 1, 1, 1, 2, 900, -1)))).containsExactly(
                "Confirmation: replayed 1 of 1 violation in 0.9 s (confirm=all, no budget): 1 confirmed, 0 not"
                        + " reproduced, 0 not tried");
    }

    @Test
    void failOnViolationConfirmedFailsOnlyWithTheConfirmedOnes() {
        RunReport report = report(List.of(HARMLESS, BREAKS, UNREAD), null);

        String message = ViolationsReport.failureMessage(report, FailOnViolation.CONFIRMED);

        assertThat(message).startsWith("Isolation violations confirmed by replay: 1 piece of JVM-wide state whose"
                + " writer changes its reader's outcome, and failOnViolation is confirmed:\n"
                + "  static field com.acme.Config.mode -- left changed\n");
        assertThat(message).doesNotContain("Cache.size", "acme.region");
        assertThat(ViolationsReport.failureMessage(report(List.of(HARMLESS, UNREAD), null),
                FailOnViolation.CONFIRMED)).isNull();
        assertThat(ViolationsReport.failureMessage(report, FailOnViolation.NEVER)).isNull();
        assertThat(ViolationsReport.failureMessage(report, FailOnViolation.ANY)).contains("Cache.size",
                "acme.region", "Config.mode");
    }

    private static RunReport report(List<Violation> violations, ReplaySummary replay) {
        RunConfig config = RunConfig.builder().workingDirectory(Path.of("unused")).build();
        return new RunReport(Instant.EPOCH, 1, 1, config, List.of(), violations, List.of(), List.of(), null, null,
                replay);
    }

    private static TestResult result(String method, TestStatus status, String message) {
        String reader = "com.acme.LookupTest";
        return new TestResult("[engine:junit-jupiter]/[class:" + reader + "]/[method:" + method + "()]",
                method + "()", method, reader, status, 1, message,
                status == TestStatus.PASSED ? null : "org.opentest4j.AssertionFailedError", null, "", "");
    }
}
