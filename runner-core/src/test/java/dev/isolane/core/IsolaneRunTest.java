package dev.isolane.core;

import static dev.isolane.core.RunHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator and real worker JVMs, end to end, on fixture classes; no Maven involved. */
class IsolaneRunTest {

    private static final String FIXTURES = "dev.isolane.core.fixtures.";

    @TempDir
    Path dir;

    @Test
    void findsIsolationDirectInheritedAndComposedAndRunsEachInAJvmOfItsOwn() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b, FIXTURES + "PairOneFixture", FIXTURES + "PairTwoFixture",
                FIXTURES + "IsolatedFixture", FIXTURES + "InheritsIsolationFixture", FIXTURES + "MetaIsolatedFixture");

        assertThat(report.classes()).hasSize(5);
        ClassResult one = result(report, FIXTURES + "PairOneFixture");
        ClassResult two = result(report, FIXTURES + "PairTwoFixture");
        assertThat(one.lane()).isEqualTo(Lane.SHARED);
        assertThat(two.lane()).isEqualTo(Lane.SHARED);
        assertThat(one.pid()).isEqualTo(two.pid()).isNotEqualTo(ProcessHandle.current().pid());
        // The pair waits for each other (30 s at most): run one after the other, they would not overlap.
        assertThat(one.outcome()).isEqualTo(ClassOutcome.PASSED);
        assertThat(two.outcome()).isEqualTo(ClassOutcome.PASSED);
        assertThat(one.startMillis()).isLessThan(two.endMillis());
        assertThat(two.startMillis()).isLessThan(one.endMillis());
        assertThat(one.thread()).isNotEqualTo(two.thread()).startsWith("isolane-shared-");

        List<ClassResult> isolated = report.classes().stream().filter(c -> c.lane() == Lane.ISOLATED).toList();
        assertThat(isolated).extracting(ClassResult::className).containsExactlyInAnyOrder(
                FIXTURES + "IsolatedFixture", FIXTURES + "InheritsIsolationFixture", FIXTURES + "MetaIsolatedFixture");
        assertThat(isolated).extracting(ClassResult::pid).doesNotHaveDuplicates().doesNotContain(one.pid());
        ClassResult printer = result(report, FIXTURES + "IsolatedFixture");
        assertThat(printer.stdout()).isEqualTo("pid " + printer.pid() + "\n");
        assertThat(one.stdout()).isEqualTo("PairOneFixture\n");
        assertThat(two.stdout()).isEqualTo("PairTwoFixture\n");
    }

    @Test
    void recordsEveryOutcomeAndTestKindAsSurefireCountsThem() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b, FIXTURES + "OutcomesFixture");
        ClassResult outcomes = result(report, FIXTURES + "OutcomesFixture");

        Map<String, TestStatus> byName = outcomes.tests().stream()
                .collect(Collectors.toMap(TestResult::reportName, TestResult::status));
        assertThat(byName).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("passes", TestStatus.PASSED),
                Map.entry("fails", TestStatus.FAILED),
                Map.entry("errors", TestStatus.ERROR),
                Map.entry("disabled", TestStatus.SKIPPED),
                Map.entry("aborted", TestStatus.SKIPPED),
                Map.entry("parameterized(String)[1]", TestStatus.PASSED),
                Map.entry("parameterized(String)[2]", TestStatus.PASSED),
                Map.entry("repeated()[1]", TestStatus.PASSED),
                Map.entry("repeated()[2]", TestStatus.PASSED),
                Map.entry("dynamic()[1]", TestStatus.PASSED),
                Map.entry("dynamic()[2]", TestStatus.PASSED),
                Map.entry("innerPasses", TestStatus.PASSED)));
        assertThat(outcomes.outcome()).isEqualTo(ClassOutcome.ERROR);
        TestResult failed = test(outcomes, "fails");
        assertThat(failed.message()).isEqualTo("boom ==> expected: <1> but was: <2>");
        assertThat(failed.failureType()).isEqualTo("org.opentest4j.AssertionFailedError");
        assertThat(failed.stackTrace()).contains("OutcomesFixture.fails(OutcomesFixture.java:");
        assertThat(test(outcomes, "disabled").message()).isEqualTo("not today");
        assertThat(test(outcomes, "aborted").message()).contains("nope");
        assertThat(test(outcomes, "innerPasses").reportClass()).isEqualTo(FIXTURES + "OutcomesFixture$Inner");
        assertThat(test(outcomes, "dynamic()[1]").displayName()).isEqualTo("d1");
        assertThat(report.totals().surefireLine()).isEqualTo("Tests run: 12, Failures: 1, Errors: 1, Skipped: 2");
        assertThat(report.hasFailures()).isTrue();
    }

    @Test
    void aFailingBeforeAllIsOneErrorAndJunit4RunsThroughVintage() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b, FIXTURES + "BrokenSetupFixture", FIXTURES + "LegacyFixture");

        ClassResult broken = result(report, FIXTURES + "BrokenSetupFixture");
        assertThat(broken.outcome()).isEqualTo(ClassOutcome.ERROR);
        assertThat(broken.tests()).singleElement().satisfies(test -> {
            assertThat(test.status()).isEqualTo(TestStatus.ERROR);
            assertThat(test.message()).isEqualTo("setup broke");
            assertThat(test.reportName()).isEqualTo("initializationError"); // Surefire 3.6's name
        });
        ClassResult legacy = result(report, FIXTURES + "LegacyFixture");
        assertThat(legacy.totals().surefireLine()).isEqualTo("Tests run: 3, Failures: 1, Errors: 0, Skipped: 1");
        assertThat(test(legacy, "fails").message()).isEqualTo("legacy boom");
    }

    @Test
    void aClassThatHaltsItsJvmIsReportedCrashedAndTheRestIsDelivered() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b, FIXTURES + "ExitingFixture", FIXTURES + "SleepyOneFixture");

        ClassResult crashed = result(report, FIXTURES + "ExitingFixture");
        assertThat(crashed.outcome()).isEqualTo(ClassOutcome.CRASHED);
        // An isolated JVM has no agent to see a halt coming: the exit code and the running test tell the story.
        assertThat(crashed.detail()).contains("exited with code 42").contains("(test zExits())")
                .contains("about to halt");
        assertThat(test(crashed, "finishesFirst").status()).isEqualTo(TestStatus.PASSED);
        assertThat(crashed.tests()).anySatisfy(test -> assertThat(test.status()).isEqualTo(TestStatus.ERROR));
        assertThat(result(report, FIXTURES + "SleepyOneFixture").outcome()).isEqualTo(ClassOutcome.PASSED);
        assertThat(report.hasFailures()).isTrue();
    }

    @Test
    void writesOneXmlPerClassAndTheJsonReport() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b, FIXTURES + "SleepyOneFixture", FIXTURES + "IsolatedFixture");

        assertThat(report.classes()).hasSize(2);
        assertThat(dir.resolve("reports/TEST-" + FIXTURES + "SleepyOneFixture.xml")).exists();
        assertThat(dir.resolve("reports/TEST-" + FIXTURES + "IsolatedFixture.xml")).exists();
        assertThat(Files.readString(dir.resolve("reports/isolane-report.json")))
                .contains("\"schemaVersion\": 1").contains("\"lane\": \"isolated\"");
        assertThat(report.coordinatorCpuMillis()).isPositive()
                .isLessThanOrEqualTo(report.durationMillis() * Runtime.getRuntime().availableProcessors());
    }

    @Test
    void isolatedJvmsStartLeanAndTheArgLineComesAfterSoItCanOverride() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.argLine("-XX:CompileThresholdScaling=2"),
                FIXTURES + "JvmOptionsFixture", FIXTURES + "IsolatedJvmOptionsFixture");

        String isolated = result(report, FIXTURES + "IsolatedJvmOptionsFixture").stdout();
        assertThat(isolated).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
        assertThat(isolated.indexOf("-XX:CompileThresholdScaling=2"))
                .isGreaterThan(isolated.indexOf("-XX:CompileThresholdScaling=3"));
        // The shared JVM lives for the whole run and runs the CPU-heavy classes: it keeps the JDK's defaults.
        String shared = result(report, FIXTURES + "JvmOptionsFixture").stdout();
        assertThat(shared).contains("-XX:CompileThresholdScaling=2").doesNotContain("TieredStopAtLevel", "SerialGC");
    }

    private static TestResult test(ClassResult result, String reportName) {
        return result.tests().stream().filter(t -> t.reportName().equals(reportName)).findFirst()
                .orElseThrow(() -> new AssertionError(reportName + " not in " + result.tests()));
    }
}
