package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A JUnit 4 suite with no JUnit Platform artifact at all: Isolane adds the Vintage engine and its launcher, and its
 * reports agree with those of Surefire's own JUnit 4 provider test for test but one known difference; categories work
 * as groups.
 *
 * <p>The difference: for a class that is {@code @Ignore}d as a whole, Surefire 3.5's legacy JUnit 4 provider writes one
 * skipped entry for the class, while Isolane, like Surefire's JUnit Platform provider (which runs JUnit 4 for every
 * project from Surefire 3.6 on, and for projects that declare the Vintage engine before that), writes each of its
 * tests skipped.
 */
class JUnit4IT {

    @Test
    void aJUnit4SuiteRunsThroughVintageAsSurefireRunsIt() throws Exception {
        BuildResult build = MavenBuild.project("junit4").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes isolane = TestOutcomes.read(build.reports());
        assertThat(isolane.differencesFrom(TestOutcomes.read(build.directory().resolve("target/surefire-reports"))))
                .as(build.log()).containsExactly("com.acme.IgnoredClassTest#: expected skipped, was (missing)",
                        "com.acme.IgnoredClassTest#one: expected (missing), was skipped");
        assertThat(isolane.byTest()).containsEntry("com.acme.PlainTest#fails", "failure")
                .containsEntry("com.acme.PlainTest#ignored", "skipped")
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
