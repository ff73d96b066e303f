package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JUnit 5.14 suite with every test kind and outcome, run by Surefire and by Isolane in the same build: the two
 * report sets must agree test for test, with and without {@code -Dtest} method patterns and tags, which both read.
 */
class JUnit5FeaturesIT {

    private static BuildResult build;

    @BeforeAll
    static void runBuild() {
        build = MavenBuild.project("junit5-features").run();
    }

    static TestOutcomes surefire(BuildResult result) {
        return TestOutcomes.read(result.directory().resolve("target/surefire-reports"));
    }

    static TestOutcomes isolane(BuildResult result) {
        return TestOutcomes.read(result.reports());
    }

    @Test
    void everyTestKindAndOutcomeIsReportedAsSurefireReportsIt() {
        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes surefire = surefire(build);
        TestOutcomes isolane = isolane(build);
        assertThat(isolane.differencesFrom(surefire)).as(build.log()).isEmpty();
        assertThat(isolane.byTest()).containsEntry("com.acme.KindsTest#param(String)[2]", "passed")
                .containsEntry("com.acme.KindsTest#repeated()[3]", "passed")
                .containsEntry("com.acme.KindsTest#dyn()[2][1]", "passed")
                .containsEntry("com.acme.KindsTest$Inner$Deeper#deepParam(int)[2]", "passed")
                .containsEntry("com.acme.TemplateTest#template()[2]", "passed")
                .containsEntry("com.acme.BrokenSetupTest#initializationError", "error")
                .containsEntry("com.acme.DisabledClassTest#two", "skipped")
                .containsEntry("com.acme.IsolatedParamTest$InnerIsolated#nestedInIsolated", "passed");
        assertThat(build.jsonClass("com.acme.IsolatedParamTest").get("lane").getAsString()).isEqualTo("isolated");
    }

    @Test
    void methodPatternsInTheTestParameterSelectWhatSurefireSelects() {
        BuildResult filtered = MavenBuild.project("junit5-features")
                .args("verify", "-Dtest=KindsTest#param*+plain, Outcomes*, !OutcomesTest#err*, Isolated*#isolated*")
                .run();
        assertThat(filtered.exitCode()).as(filtered.log()).isZero();
        TestOutcomes isolane = isolane(filtered);
        assertThat(isolane.differencesFrom(surefire(filtered))).as(filtered.log()).isEmpty();
        assertThat(isolane.byTest().keySet()).contains("com.acme.KindsTest#plain", "com.acme.OutcomesTest#fails",
                "com.acme.IsolatedParamTest#isolatedParam(String)[1]")
                .doesNotContain("com.acme.OutcomesTest#errors", "com.acme.KindsTest#named(int, int)[1]",
                        "com.acme.IsolatedParamTest$InnerIsolated#nestedInIsolated");
    }

    @Test
    void groupsAndExcludedGroupsSelectWhatSurefireSelects() {
        BuildResult tagged = MavenBuild.project("junit5-features").args("verify", "-Dgroups=fast,slow",
                "-DexcludedGroups=slow & !fast").run();
        assertThat(tagged.exitCode()).as(tagged.log()).isZero();
        TestOutcomes isolane = isolane(tagged);
        assertThat(isolane.differencesFrom(surefire(tagged))).as(tagged.log()).isEmpty();
        assertThat(isolane.byTest().keySet()).containsExactlyInAnyOrder("com.acme.KindsTest#plain",
                "com.acme.KindsTest#param(String)[1]", "com.acme.KindsTest#param(String)[2]",
                "com.acme.KindsTest#param(String)[3]", "com.acme.IsolatedParamTest#isolatedParam(String)[1]",
                "com.acme.IsolatedParamTest#isolatedParam(String)[2]");
    }

    @Test
    void forkNumberIsOneInTheSharedJvmAndTwoInTheIsolatedOneAlsoInTheWorkingDirectory() throws Exception {
        Path files = build.directory().resolve("target/isolane-files");
        assertThat(Files.readString(files.resolve("shared-fork.txt")))
                .isEqualTo("fork-1 " + build.directory().resolve("target/work-1"));
        assertThat(build.directory().resolve("target/work-2")).isDirectory();
        assertThat(Files.readString(files.resolve("isolated-fork.txt"))).isEqualTo("fork-2");
    }

    @Test
    void failedTestsRerunInAFreshJvmAndFlakesAreReportedAsSurefireReportsThem() throws Exception {
        BuildResult rerun = MavenBuild.project("junit5-features").args("verify", "-Dit.flaky=true",
                "-Dsurefire.rerunFailingTestsCount=2", "-Dtest=OutcomesTest", "-DtrimStackTrace=true",
                "-Dmaven.test.redirectTestOutputToFile=true").run();
        assertThat(rerun.exitCode()).as(rerun.log()).isZero();
        assertThat(isolane(rerun).differencesFrom(surefire(rerun))).as(rerun.log()).isEmpty();
        assertThat(isolane(rerun).byTest()).containsEntry("com.acme.OutcomesTest#flaky", "flaky")
                .containsEntry("com.acme.OutcomesTest#fails", "failure");
        // Surefire reran in its one JVM; Isolane ran the rerun in a JVM of its own.
        List<String> surefirePids = Files.readAllLines(rerun.directory().resolve("target/surefire-files/flaky-runs"));
        List<String> isolanePids = Files.readAllLines(rerun.directory().resolve("target/isolane-files/flaky-runs"));
        assertThat(surefirePids).hasSize(2).containsOnly(surefirePids.get(0));
        assertThat(isolanePids).hasSize(2).doesNotHaveDuplicates();
        assertThat(rerun.log()).contains("Tests run: 6, Failures: 1, Errors: 1, Skipped: 2, Flakes: 1")
                .contains("Flakes:").contains("  Run 2: PASS");
        String xml = Files.readString(rerun.reports().resolve("TEST-com.acme.OutcomesTest.xml"));
        assertThat(xml).contains("<flakyFailure message=\"fails the first time").contains("<rerunFailure")
                .contains("<rerunError").doesNotContain("at org.junit.platform");
        assertThat(Files.readString(rerun.reports().resolve("com.acme.OutcomesTest-output.txt")))
                .isEqualTo("OutcomesTest.passes prints\n");
    }

    @Test
    void failIfNoTestsFailsWhenTagsLeaveNothingToRun() {
        BuildResult none = MavenBuild.project("junit5-features").args("verify", "-Dit.skipSurefire=true",
                "-Dgroups=no-such-tag", "-DfailIfNoTests=true").run();
        assertThat(none.exitCode()).as(none.log()).isNotZero();
        assertThat(none.log()).contains("No tests were executed!");
        assertThat(none.log()).contains("Running 0 test classes");
    }

    @Test
    void skipAfterFailureCountSkipsTheClassesNotStartedYet() {
        BuildResult skipping = MavenBuild.project("junit5-features").args("verify", "-Dit.skipSurefire=true",
                "-Dit.threads=1", "-Dsurefire.skipAfterFailureCount=1",
                "-Dtest=BrokenSetupTest,KindsTest,OutcomesTest,TemplateTest").run();
        assertThat(skipping.exitCode()).as(skipping.log()).isZero();
        Map<String, Integer> counts = isolane(skipping).counts();
        // BrokenSetupTest runs first (alphabetical, one thread) and errors; the rest never start.
        assertThat(isolane(skipping).byTest()).containsEntry("com.acme.BrokenSetupTest#initializationError", "error")
                .containsEntry("com.acme.KindsTest#", "skipped").containsEntry("com.acme.TemplateTest#", "skipped");
        assertThat(counts).containsEntry("skipped", 3);
        assertThat(skipping.log()).contains("skipAfterFailureCount is 1");
    }
}
