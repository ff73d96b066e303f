package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JUnit Platform engines besides Jupiter and Vintage, as Surefire 3.6 runs them (every framework through the
 * Platform): TestNG through testng-engine, Cucumber through its engine, and the Platform's {@code @Suite} engine. Each
 * project runs under Surefire 3.6.1 and Isolane in one build, and the two report sets must agree test for test.
 */
class EnginesIT {

    @Test
    void testngRunsAsInSurefireAndAnIsolatedTestngClassGetsAJvmOfItsOwn() throws Exception {
        BuildResult build = MavenBuild.project("testng").run();

        TestOutcomes isolane = sameAsSurefire(build);
        assertThat(isolane.byTest()).containsEntry("com.acme.CalculatorTest#adds", "passed")
                .containsEntry("com.acme.CalculatorTest#failsAnAssertion", "failure")
                .containsEntry("com.acme.CalculatorTest#throwsAnError", "error")
                .containsEntry("com.acme.CalculatorTest#skipsItself", "skipped")
                .containsEntry("com.acme.CalculatorTest#dependsOnAFailure", "skipped")
                .containsEntry("com.acme.IsolatedNgTest#runsAlone", "passed");
        assertThat(build.jsonClass("com.acme.IsolatedNgTest").get("lane").getAsString()).isEqualTo("isolated");
        String shared = pid(build, "isolane-pids", "com.acme.CalculatorTest");
        String isolated = pid(build, "isolane-pids", "com.acme.IsolatedNgTest");
        assertThat(isolated).isNotEqualTo(shared);
        assertThat(build.jsonClass("com.acme.IsolatedNgTest").get("pid").getAsString()).isEqualTo(isolated);
        assertThat(build.jsonClass("com.acme.CalculatorTest").get("pid").getAsString()).isEqualTo(shared);
    }

    @Test
    void testngWithoutItsEngineGetsTheOneSurefireAdds() {
        BuildResult build = MavenBuild.project("testng").args("verify", "-P!testng-engine").run();

        TestOutcomes isolane = sameAsSurefire(build);
        assertThat(isolane.byTest()).containsEntry("com.acme.CalculatorTest#failsAnAssertion", "failure")
                .containsEntry("com.acme.IsolatedNgTest#runsAlone", "passed");
        assertThat(build.log()).contains("TestNG is present. Adding per default org.junit.support:testng-engine:1.1.0")
                .contains("TestNG is on the test classpath without its JUnit Platform engine; adding testng-engine"
                        + " 1.1.0 for the tests");
    }

    @Test
    void cucumberScenariosRunAsInSurefire() {
        BuildResult build = MavenBuild.project("cucumber").run();

        TestOutcomes isolane = sameAsSurefire(build);
        assertThat(isolane.byTest()).containsEntry("RunCucumberTest#Adding apples", "passed")
                .containsEntry("RunCucumberTest#Counting wrong", "failure")
                .containsEntry("RunCucumberTest#Paying", "error") // a pending step fails the scenario
                .containsEntry("RunCucumberTest#Weighing", "skipped")
                .containsEntry("RunCucumberTest#Example #1.2", "failure");
    }

    @Test
    void aPlatformSuiteRunsItsClassesAndJunit4BesideJupiterRunsThroughVintageAsInSurefire() {
        BuildResult build = MavenBuild.project("suite").run();

        TestOutcomes isolane = sameAsSurefire(build);
        assertThat(isolane.byTest()).containsEntry("com.acme.CartCheck#addsAnItem", "passed")
                .containsEntry("com.acme.CartCheck#countsWrong", "failure")
                .containsEntry("com.acme.CartCheck#appliesACoupon", "skipped")
                .containsEntry("com.acme.PaymentCheck#declines", "error")
                .containsEntry("com.acme.PaymentCheck#needsAGateway", "skipped")
                .containsEntry("com.acme.PlainTest#passes", "passed")
                .containsEntry("com.acme.LegacyTest#fails", "failure");
        assertThat(build.log()).contains("JUnit 4 is on the test classpath without the Vintage engine; adding"
                + " junit-vintage-engine " + MavenBuild.property("it.junit5.version"));
    }

    private static TestOutcomes sameAsSurefire(BuildResult build) {
        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes surefire = TestOutcomes.read(build.directory().resolve("target/surefire-reports"));
        TestOutcomes isolane = TestOutcomes.read(build.reports());
        assertThat(isolane.differencesFrom(surefire)).as(build.log()).isEmpty();
        return isolane;
    }

    private static String pid(BuildResult build, String directory, String className) throws Exception {
        return Files.readString(build.directory().resolve(Path.of("target", directory, className)));
    }
}
