package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A reactor where one module publishes its tests as a test-jar and another runs them with dependenciesToScan, through
 * Surefire and through Isolane in the same build: the same tests, the same outcomes.
 */
class DependenciesToScanIT {

    @Test
    void testsOfADependencyTestJarRunAsSurefireRunsThem() {
        BuildResult build = MavenBuild.project("testjar").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes isolane = TestOutcomes.read(build.directory().resolve("app/target/isolane-reports"));
        TestOutcomes surefire = TestOutcomes.read(build.directory().resolve("app/target/surefire-reports"));
        assertThat(isolane.differencesFrom(surefire)).as(build.log()).isEmpty();
        assertThat(isolane.byTest()).containsEntry("com.acme.lib.GreeterTest#greetsMany(String)[2]", "passed")
                .containsEntry("com.acme.lib.GreeterTest#failsOnPurpose", "failure")
                .containsEntry("com.acme.lib.GreeterTest$Polite#staysPolite", "passed")
                .containsEntry("com.acme.lib.ResourceUsingTest#readsBundledResource", "passed")
                .containsEntry("com.acme.app.AppTest#usesLib", "passed");
        assertThat(build.log()).contains("Scanning lib-1.0-tests.jar for test classes (dependenciesToScan)");
    }
}
