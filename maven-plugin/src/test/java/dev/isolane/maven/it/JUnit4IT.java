package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A JUnit 4 suite with no JUnit Platform artifact at all: Isolane adds the Vintage engine and its launcher, and its
 * reports agree with Surefire's test for test (Surefire 3.6 runs JUnit 4 through the Platform too, so a class
 * {@code @Ignore}d as a whole is each of its tests skipped under both); categories work as groups.
 */
class JUnit4IT {

    @Test
    void aJUnit4SuiteRunsThroughVintageAsSurefireRunsIt() throws Exception {
        BuildResult build = MavenBuild.project("junit4").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes isolane = TestOutcomes.read(build.reports());
        assertThat(isolane.differencesFrom(TestOutcomes.read(build.directory().resolve("target/surefire-reports"))))
                .as(build.log()).isEmpty();
        assertThat(isolane.byTest()).containsEntry("com.acme.PlainTest#fails", "failure")
                .containsEntry("com.acme.PlainTest#ignored", "skipped")
                .containsEntry("com.acme.IgnoredClassTest#one", "skipped")
                .containsEntry("com.acme.IsolatedLegacyTest#runsAlone", "passed");
        assertThat(build.jsonClass("com.acme.IsolatedLegacyTest").get("lane").getAsString()).isEqualTo("isolated");
        assertThat(build.log()).contains("adding junit-vintage-engine 5.14.4");
        assertThat(JUnit6IT.workerArgs(build)).contains("junit-vintage-engine-5.14.4.jar")
                .contains("junit-platform-launcher-1.14.4.jar");
    }

    @Test
    void categoriesAreGroupsAsInSurefire() {
        BuildResult build = MavenBuild.project("junit4").args("verify", "-Dgroups=com.acme.FastTests").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes isolane = TestOutcomes.read(build.reports());
        assertThat(isolane.differencesFrom(TestOutcomes.read(build.directory().resolve("target/surefire-reports"))))
                .as(build.log()).isEmpty();
        assertThat(isolane.byTest().keySet()).containsExactlyInAnyOrder("com.acme.PlainTest#passes",
                "com.acme.ParamTest#hasOneChar[a]", "com.acme.ParamTest#hasOneChar[b]");
    }
}
