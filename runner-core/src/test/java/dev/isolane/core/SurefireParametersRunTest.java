package dev.isolane.core;

import dev.isolane.core.run.Isolane;
import static dev.isolane.core.RunHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.select.TestSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surefire's everyday parameters, through the real coordinator and worker JVMs. */
class SurefireParametersRunTest {

    private static final String FIXTURES = "dev.isolane.core.fixtures.";

    @TempDir
    Path dir;

    @Test
    void rerunsFailuresInAFreshJvmAndReportsFlakesAsSurefireDoes() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.rerunFailingTestsCount(2)
                .systemProperties(Map.of("fixture.dir", dir.toString())), FIXTURES + "FlakyFixture");

        Map<String, TestResult> tests = byName(result(report, FIXTURES + "FlakyFixture"));
        TestResult flaky = tests.get("failsOnceThenPasses");
        assertThat(flaky.status()).isEqualTo(TestStatus.PASSED);
        assertThat(flaky.isFlaky()).isTrue();
        assertThat(flaky.reruns()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(TestStatus.FAILED);
            assertThat(run.message()).contains("first attempt fails");
        });
        List<String> pids = Files.readAllLines(dir.resolve("flaky-runs"));
        assertThat(pids).hasSize(2).doesNotHaveDuplicates();
        assertThat(flaky.stdout()).isEqualTo("attempt in " + pids.get(1) + "\n");

        TestResult always = tests.get("alwaysFails");
        assertThat(always.status()).isEqualTo(TestStatus.FAILED);
        assertThat(always.reruns()).hasSize(2).allSatisfy(run -> assertThat(run.status()).isEqualTo(TestStatus.FAILED));
        assertThat(tests.get("passes").reruns()).isEmpty();
        assertThat(report.totals().surefireLine()).isEqualTo("Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Flakes: 1");

        String xml = Files.readString(dir.resolve("reports/TEST-" + FIXTURES + "FlakyFixture.xml"));
        assertThat(xml).contains("<flakyFailure message=\"first attempt fails")
                .contains("<rerunFailure message=\"always\"");
        assertThat(xml.split("<rerunFailure", -1)).hasSize(3);
    }

    @Test
    void appliesMethodPatternsOfTheTestParameter() throws Exception {
        RunReport report = run(new TestSelection(List.of(), List.of(),
                "TaggedFixture#fast*+untagged, !TaggedFixture#fastWithDb"), b -> b);
        assertThat(byName(result(report, FIXTURES + "TaggedFixture")).keySet())
                .containsExactlyInAnyOrder("fastOne", "untagged");
    }

    @Test
    void methodPatternsLeaveOutClassesWithNoMatchingMethod() throws Exception {
        RunReport report = run(new TestSelection(List.of(), List.of(), "*Fixture#slowOne"), b -> b);
        assertThat(report.classes()).extracting(ClassResult::className).containsExactly(FIXTURES + "TaggedFixture");
        assertThat(byName(report.classes().get(0)).keySet()).containsExactly("slowOne");
    }

    @Test
    void groupsAndExcludedGroupsAreTagExpressions() throws Exception {
        RunReport report = run(new TestSelection(List.of(), List.of(), "TaggedFixture,OutcomesFixture",
                List.of("fast", "slow"), List.of("db")), b -> b);
        assertThat(report.classes()).extracting(ClassResult::className).containsExactly(FIXTURES + "TaggedFixture");
        assertThat(byName(report.classes().get(0)).keySet()).containsExactlyInAnyOrder("fastOne", "slowOne");
    }

    @Test
    void skipAfterFailureCountSkipsClassesNotStartedYet() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.threads(1).skipAfterFailureCount(1),
                FIXTURES + "OutcomesFixture", FIXTURES + "SleepyOneFixture", FIXTURES + "SleepyTwoFixture");
        assertThat(result(report, FIXTURES + "OutcomesFixture").outcome()).isEqualTo(ClassOutcome.ERROR);
        for (String sleepy : List.of("SleepyOneFixture", "SleepyTwoFixture")) {
            ClassResult skipped = result(report, FIXTURES + sleepy);
            assertThat(skipped.outcome()).isEqualTo(ClassOutcome.SKIPPED);
            assertThat(skipped.tests()).singleElement().satisfies(test ->
                    assertThat(test.message()).contains("skipAfterFailureCount is 1"));
        }
    }

    @Test
    void forkNumberIsOneForTheSharedJvmAndFromTwoForIsolatedOnes() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b
                        .systemProperties(Map.of("fixture.fork", RunConfig.FORK_NUMBER))
                        .workingDirectory(dir.resolve("work-" + RunConfig.FORK_NUMBER)),
                FIXTURES + "ForkNumberFixture", FIXTURES + "IsolatedForkNumberFixture");
        assertThat(result(report, FIXTURES + "ForkNumberFixture").stdout()).isEqualTo("fork 1 in work-1\n");
        assertThat(result(report, FIXTURES + "IsolatedForkNumberFixture").stdout()).isEqualTo("fork 2 in work-2\n");
    }

    @Test
    void assertionsAreEnabledUnlessTurnedOff() throws Exception {
        RunReport on = RunHarness.run(dir.resolve("on"), b -> b, FIXTURES + "AssertionStatusFixture");
        RunReport off = RunHarness.run(dir.resolve("off"), b -> b.enableAssertions(false),
                FIXTURES + "AssertionStatusFixture");
        assertThat(on.classes().get(0).stdout()).isEqualTo("assertions true\n");
        assertThat(off.classes().get(0).stdout()).isEqualTo("assertions false\n");
    }

    @Test
    void trimStackTraceKeepsTheTestClassFramesAndRedirectWritesOutputFiles() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.trimStackTrace(true).redirectTestOutputToFile(true),
                FIXTURES + "OutcomesFixture", FIXTURES + "SleepyOneFixture");
        TestResult fails = byName(result(report, FIXTURES + "OutcomesFixture")).get("fails");
        assertThat(fails.stackTrace()).startsWith("org.opentest4j.AssertionFailedError: boom")
                .contains("at dev.isolane.core.fixtures.OutcomesFixture.fails(OutcomesFixture.java:")
                .doesNotContain("org.junit.platform");
        assertThat(Files.readString(dir.resolve("reports/" + FIXTURES + "SleepyOneFixture-output.txt")))
                .isEqualTo("one\n");
        assertThat(dir.resolve("reports/" + FIXTURES + "OutcomesFixture-output.txt")).doesNotExist();
    }

    @Test
    void configurationParametersReachJunitAndEngineFiltersPickTheEngines() throws Exception {
        // Deactivating Jupiter's DisabledCondition makes a @Disabled test run: the parameter reached the worker.
        RunReport report = run(new TestSelection(List.of(), List.of(), "OutcomesFixture,LegacyFixture", List.of(),
                List.of(), List.of(), List.of("junit-vintage")), b -> b.configurationParameters(
                Map.of("junit.jupiter.conditions.deactivate", "org.junit.*DisabledCondition")));

        assertThat(report.classes()).extracting(ClassResult::className)
                .containsExactly(FIXTURES + "OutcomesFixture");
        assertThat(byName(result(report, FIXTURES + "OutcomesFixture")).get("disabled").status())
                .isEqualTo(TestStatus.PASSED);
    }

    @Test
    void anIncludedEngineThatIsNotThereFailsDiscoveryWithJunitsWords() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(new TestSelection(List.of(), List.of(),
                        "OutcomesFixture", List.of(), List.of(), List.of("no-such-engine"), List.of()), b -> b))
                .isInstanceOf(RunFailedException.class)
                .hasMessageContaining("No TestEngine ID matched the following include EngineFilters: [no-such-engine]");
    }

    @Test
    void classesStartInTheRunOrderAndJupitersMethodsFollowIt() throws Exception {
        String[] classes = {FIXTURES + "SleepyTwoFixture", FIXTURES + "ForkNumberFixture",
                FIXTURES + "SleepyOneFixture"};
        RunReport reverse = RunHarness.run(dir.resolve("reverse"), b -> b.threads(1)
                .runOrder(RunOrder.parse("runOrder", "reversealphabetical", null)), classes);
        RunReport alphabetical = RunHarness.run(dir.resolve("alphabetical"), b -> b
                .runOrder(RunOrder.parse("runOrder", "alphabetical", null)), FIXTURES + "OutcomesFixture");

        assertThat(reverse.classes()).extracting(ClassResult::className).containsExactly(FIXTURES + "SleepyTwoFixture",
                FIXTURES + "SleepyOneFixture", FIXTURES + "ForkNumberFixture");
        assertThat(plainMethods(alphabetical)).containsExactly("aborted", "errors", "fails", "passes");
        RunReport reverseMethods = RunHarness.run(dir.resolve("reverse-methods"), b -> b
                .runOrder(RunOrder.parse("runOrder", "reversealphabetical", null)), FIXTURES + "OutcomesFixture");
        assertThat(plainMethods(reverseMethods)).containsExactly("passes", "fails", "errors", "aborted");
    }

    /** OutcomesFixture's plain test methods, in the order they ran. */
    private static List<String> plainMethods(RunReport report) {
        return result(report, FIXTURES + "OutcomesFixture").tests().stream().map(TestResult::reportName)
                .filter(List.of("aborted", "errors", "fails", "passes")::contains).toList();
    }

    @Test
    void excludedVariablesAreNeitherInheritedNorSetAndSystemPropertiesReachTheXml() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b
                        .environment(Map.of("FIXTURE_KEPT", "yes", "FIXTURE_DROPPED", "no"))
                        .excludedEnvironmentVariables(List.of("FIXTURE_DROPPED", "PATH"))
                        .systemProperties(Map.of("fixture.marker", "from the run")),
                FIXTURES + "EnvironmentFixture");

        assertThat(report.classes().get(0).stdout()).isEqualTo("kept=yes dropped=null path=false\n");
        String xml = Files.readString(dir.resolve("reports/TEST-" + FIXTURES + "EnvironmentFixture.xml"));
        assertThat(xml).contains("<property name=\"fixture.marker\" value=\"from the run\"/>")
                .contains("<property name=\"java.version\" value=\"" + System.getProperty("java.version") + "\"/>")
                .contains("<property name=\"isolane.lane\" value=\"shared\"/>");
    }

    @Test
    void eachXmlHasTheSystemPropertiesAsItsClassFinishedThoughTheJvmSendsThemOnlyWhenTheyChange() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.threads(1)
                        .runOrder(RunOrder.parse("runOrder", "alphabetical", null)),
                FIXTURES + "EnvironmentFixture", FIXTURES + "PropertyLeakFixture", FIXTURES + "TaggedFixture");

        assertThat(report.classes()).extracting(ClassResult::pid).containsOnly(report.classes().get(0).pid());
        String leak = "<property name=\"isolane.fixture.leak\" value=\"yes\"/>";
        assertThat(Files.readString(dir.resolve("reports/TEST-" + FIXTURES + "EnvironmentFixture.xml")))
                .contains("<property name=\"java.version\"").doesNotContain(leak);
        for (String after : List.of("PropertyLeakFixture", "TaggedFixture")) {
            assertThat(Files.readString(dir.resolve("reports/TEST-" + FIXTURES + after + ".xml")))
                    .contains("<property name=\"java.version\"").contains(leak);
        }
    }

    private RunReport run(TestSelection selection, java.util.function.UnaryOperator<RunConfig.Builder> tweak)
            throws Exception {
        Files.createDirectories(dir);
        RunConfig.Builder builder = RunHarness.config(dir).selection(selection);
        return Isolane.run(tweak.apply(builder).build(), RunLog.console());
    }

    private static Map<String, TestResult> byName(ClassResult result) {
        return result.tests().stream().collect(Collectors.toMap(TestResult::reportName, test -> test));
    }
}
