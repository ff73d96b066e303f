package dev.isolane.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.FailOnViolation;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunReport;
import dev.isolane.core.RunSummary;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.model.Violation;
import dev.isolane.core.select.TestSelection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final Path REPORTS = Path.of("/p/target/isolane-reports");
    private static final Verdict.Rules STRICT = rules(false, 0, false, false);

    @Test
    void passingTestsPass() {
        assertThat(Verdict.ofRun(report(List.of(test(TestStatus.PASSED)), null), STRICT)).isEqualTo(Verdict.PASS);
    }

    @Test
    void failuresFailOrAreReportedWithTestFailureIgnore() {
        RunReport failing = report(List.of(test(TestStatus.FAILED)), null);

        Verdict strict = Verdict.ofRun(failing, STRICT);
        assertThat(strict.failure()).isEqualTo("There are test failures.\n\nSee " + REPORTS + " for the individual"
                + " test results (TEST-*.xml, and isolane-report.json for the whole run).");
        assertThat(strict.internal()).isFalse();

        Verdict ignored = Verdict.ofRun(failing, rules(false, 0, true, false));
        assertThat(ignored.passes()).isTrue();
        assertThat(ignored.errors()).containsExactly(strict.failure());
    }

    @Test
    void flakesFailOnlyPastFailOnFlakeCountAndOnlyWhenNothingFailed() {
        TestResult flaky = test(TestStatus.PASSED).withReruns(List.of(test(TestStatus.FAILED)));
        assertThat(Verdict.ofRun(report(List.of(flaky), null), rules(false, 1, false, false)).failure())
                .startsWith("There is 1 flaky test, and failOnFlakeCount is 1.");
        assertThat(Verdict.ofRun(report(List.of(flaky), null), rules(false, 2, false, false)).passes()).isTrue();
        assertThat(Verdict.ofRun(report(List.of(flaky, test(TestStatus.ERROR)), null), rules(false, 1, false, false))
                .failure()).startsWith("There are test failures.");
    }

    @Test
    void violationsFailWithFailOnViolationEvenWhenFailuresAreIgnored() {
        RunReport leaky = new RunReport(Instant.EPOCH, 1, 1, config(null), List.of(result(test(TestStatus.FAILED))),
                List.of(new Violation(StateKind.SYSTEM_PROPERTY, "p", List.of("a.ATest"), List.of(), false, false,
                        "restore p")), List.of(), List.of());
        Verdict verdict = Verdict.ofRun(leaky, rules(false, 0, true, true));
        assertThat(verdict.errors()).hasSize(1);
        assertThat(verdict.failure()).startsWith("Isolation violations: 1 piece of JVM-wide state");
        assertThat(Verdict.ofRun(leaky, rules(false, 0, true, false)).passes()).isTrue();
    }

    @Test
    void noTestsFailOnlyWhenTheyWereNamedOrRequired() {
        RunReport named = report(List.of(), "NoSuchIT");
        assertThat(Verdict.ofNoTests(named, rules(false, 0, false, false)).failure()).isEqualTo("No tests matching"
                + " pattern \"NoSuchIT\" were executed! (Set -Dfailsafe.failIfNoSpecifiedTests=false to ignore this"
                + " error.)");
        Verdict.Rules lenient = new Verdict.Rules(false, false, "failsafe", 0, false, false, REPORTS);
        assertThat(Verdict.ofNoTests(named, lenient).passes()).isTrue();
        assertThat(Verdict.ofRun(report(List.of(), null), rules(true, 0, false, false)).failure())
                .isEqualTo("No tests were executed! (Set -DfailIfNoTests=false to ignore this error.)");
        assertThat(Verdict.ofRun(report(List.of(), null), STRICT).passes()).isTrue();
        assertThat(Verdict.ofNoTests(report(List.of(test(TestStatus.FAILED)), null), STRICT).passes())
                .as("failures wait for verify").isTrue();
    }

    @Test
    void theSummaryCarriesTheCountsAndWithFailOnViolationTheViolations() {
        RunReport leaky = new RunReport(Instant.EPOCH, 1, 1, config(null), List.of(result(test(TestStatus.PASSED),
                test(TestStatus.SKIPPED))), List.of(new Violation(StateKind.SYSTEM_PROPERTY, "p", List.of("a.ATest"),
                List.of(), false, false, "restore p")), List.of(), List.of());
        assertThat(Verdict.summaryOf(leaky, rules(false, 0, false, false)))
                .isEqualTo(new RunSummary(2, 0, 0, 1, 0, null, false));
        assertThat(Verdict.summaryOf(leaky, rules(false, 0, false, true)).failure())
                .startsWith("Isolation violations: 1 piece");
    }

    @Test
    void failOnViolationConfirmedFailsOnlyWhenAReplayConfirmedOne() {
        Violation unconfirmed = new Violation(StateKind.SYSTEM_PROPERTY, "p", List.of("a.ATest"), List.of("a.BTest"),
                false, false, "restore p").withConfirmation(Confirmation.notReproduced("a.ATest", "a.BTest"));
        Violation confirmed = new Violation(StateKind.STATIC_FIELD, "a.M.mode", List.of("a.CTest"),
                List.of("a.BTest"), false, false, "restore mode").withConfirmation(
                Confirmation.confirmed("a.CTest", "a.BTest", "[engine:x]/[method:t()]", "boom"));
        Verdict.Rules onlyConfirmed = new Verdict.Rules(false, true, "surefire", 0, false,
                FailOnViolation.CONFIRMED, REPORTS);

        assertThat(Verdict.ofRun(withViolations(unconfirmed), onlyConfirmed).passes()).isTrue();
        assertThat(Verdict.summaryOf(withViolations(unconfirmed), onlyConfirmed).failure()).isNull();
        Verdict failing = Verdict.ofRun(withViolations(unconfirmed, confirmed), onlyConfirmed);
        assertThat(failing.failure()).startsWith("Isolation violations confirmed by replay: 1 piece")
                .contains("a.M.mode", "confirmed: CTest breaks BTest.t: boom").doesNotContain("system property p");
        assertThat(Verdict.summaryOf(withViolations(unconfirmed, confirmed), onlyConfirmed).failure())
                .isEqualTo(failing.failure());
    }

    private static RunReport withViolations(Violation... violations) {
        return new RunReport(Instant.EPOCH, 1, 1, config(null), List.of(result(test(TestStatus.PASSED))),
                List.of(violations), List.of(), List.of());
    }

    @Test
    void verifyDecidesOnTheSummary() {
        assertThat(Verdict.ofSummary(new RunSummary(3, 0, 0, 0, 0, null, false), STRICT)).isEqualTo(Verdict.PASS);
        assertThat(Verdict.ofSummary(new RunSummary(3, 0, 1, 0, 0, null, false), STRICT).failure())
                .startsWith("There are test failures.");
        assertThat(Verdict.ofSummary(new RunSummary(3, 0, 1, 0, 0, null, false), rules(false, 0, true, false))
                .errors()).hasSize(1);
        Verdict internal = Verdict.ofSummary(new RunSummary(3, 0, 0, 0, 0, "Isolation violations: ...", false),
                STRICT);
        assertThat(internal.failure()).isEqualTo("Isolation violations: ...");
        assertThat(internal.internal()).isTrue();
        assertThat(Verdict.ofSummary(RunSummary.NONE, rules(true, 0, false, false)).failure())
                .startsWith("No tests were executed!");
        assertThat(Verdict.ofSummary(new RunSummary(3, 0, 0, 0, 2, null, false), rules(false, 2, false, false))
                .failure()).startsWith("There are 2 flaky tests, and failOnFlakeCount is 2.");
    }

    private static Verdict.Rules rules(boolean failIfNoTests, int failOnFlakeCount, boolean ignore,
            boolean failOnViolation) {
        return new Verdict.Rules(failIfNoTests, true, "failsafe", failOnFlakeCount, ignore, failOnViolation, REPORTS);
    }

    private static RunReport report(List<TestResult> tests, String test) {
        return new RunReport(Instant.EPOCH, 1, 1, config(test), tests.isEmpty() ? List.of()
                : List.of(result(tests.toArray(TestResult[]::new))), List.of(), List.of(), List.of());
    }

    private static RunConfig config(String test) {
        return RunConfig.builder().workingDirectory(Path.of("/p"))
                .selection(new TestSelection(List.of(), List.of(), test)).build();
    }

    private static ClassResult result(TestResult... tests) {
        return new ClassResult("a.ATest", Lane.SHARED, 1, "t", 0, 1, ClassResult.outcomeOf(List.of(tests)),
                List.of(tests), "", "", null);
    }

    private static TestResult test(TestStatus status) {
        return new TestResult("[engine:x]/[t:" + status + "]", status.label(), status.label(), "a.ATest", status, 1,
                status == TestStatus.PASSED ? null : "boom", null, null, "", "");
    }
}
