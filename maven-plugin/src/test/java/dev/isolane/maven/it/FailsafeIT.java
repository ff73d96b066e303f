package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.maven.it.BuildResult.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code isolane:integration-test} and {@code isolane:verify}, Failsafe's pair, in real Maven builds of a project with
 * unit tests, integration tests and a {@code post-integration-test} step that leaves a marker file.
 */
class FailsafeIT {

    private static final List<String> INTEGRATION_TESTS = List.of("com.acme.FailingIT", "com.acme.ITCheckout",
            "com.acme.IsolatedIT", "com.acme.PaymentITCase", "com.acme.SharedOneIT", "com.acme.SharedTwoIT");
    private static final Map<String, BuildResult> BUILDS = new ConcurrentHashMap<>();

    /** One build per set of arguments, shared by the tests that look at it. */
    private static BuildResult build(String... arguments) {
        return BUILDS.computeIfAbsent(String.join(" ", arguments),
                key -> MavenBuild.project("failsafe").args(arguments).run());
    }

    @Test
    void aFailingIntegrationTestFailsTheBuildAtVerifyAfterPostIntegrationTestRan() {
        BuildResult build = build("verify", "-Dit.fail=true");

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log()).contains(":verify (it) on project failsafe: There are test failures.");
        int integrationTest = build.log().indexOf(":integration-test (it) @ failsafe");
        int marker = build.log().indexOf(":copy-resources (marker) @ failsafe");
        int verify = build.log().indexOf(":verify (it) @ failsafe");
        assertThat(integrationTest).isPositive().isLessThan(marker);
        assertThat(marker).isLessThan(verify);
        assertThat(build.directory().resolve("target/post-integration-test/marker.txt")).exists();
        assertThat(build.logLines("Tests run: 7, Failures: 1, Errors: 0, Skipped: 1")).isNotEmpty();
        assertThat(summary(build)).contains(" result=\"255\" timeout=\"false\">",
                "<completed>7</completed>", "<errors>0</errors>", "<failures>1</failures>", "<skipped>1</skipped>",
                "<flakes>0</flakes>");
    }

    @Test
    void aRunThatCannotStartFailsTheBuildAtVerifyAfterPostIntegrationTestRanAsAFailedForkDoesInFailsafe() {
        BuildResult build = build("verify", "-DskipTests", "-DargLine=-XX:+NoSuchOption");

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log()).contains(":verify (it) on project failsafe: The worker JVM exited with code 1 before"
                + " it could discover the tests.");
        assertThat(build.directory().resolve("target/post-integration-test/marker.txt")).exists();
        assertThat(summary(build)).contains(" result=\"254\" ", "<completed>0</completed>",
                "<failureMessage>The worker JVM exited with code 1");
    }

    @Test
    void integrationTestsRunInTheirOwnReportsDirectoryAndUnitTestsInTheirs() {
        BuildResult build = build("verify", "-Dit.fail=true");

        assertThat(xmlReports(build.directory().resolve("target/isolane-it-reports")))
                .containsExactlyElementsOf(INTEGRATION_TESTS.stream().map(name -> "TEST-" + name + ".xml").toList());
        assertThat(xmlReports(build.reports())).containsExactly("TEST-com.acme.CalculatorTest.xml");
        assertThat(build.directory().resolve(".isolane/it-history.json")).content().contains("com.acme.SharedOneIT")
                .doesNotContain("com.acme.CalculatorTest");
        assertThat(build.directory().resolve(".isolane/history.json")).content().contains("com.acme.CalculatorTest")
                .doesNotContain("SharedOneIT");
    }

    @Test
    void passingIntegrationTestsPassAndAnIsolatedOneRunsInAJvmOfItsOwnAgainstTheJar() {
        BuildResult build = build("verify");

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(summary(build)).contains(" result=\"null\" ", "<completed>7</completed>",
                "<failures>0</failures>");
        Map<String, Record> records = build.records();
        long shared = records.get("com.acme.SharedOneIT").pid();
        assertThat(Stream.of("com.acme.SharedTwoIT", "com.acme.ITCheckout", "com.acme.PaymentITCase")
                .map(name -> records.get(name).pid())).containsOnly(shared);
        assertThat(records.get("com.acme.IsolatedIT").pid()).isNotEqualTo(shared).isNotEqualTo(build.mavenPid());
        assertThat(records.get("com.acme.IsolatedIT").thread()).startsWith("isolane-isolated-");
        // ${surefire.forkNumber}: 1 in the shared JVM, 2 in the isolated one; the code under test is the jar.
        assertThat(fact(build, "com.acme.SharedOneIT")).startsWith("fork-1 ").endsWith("/target/failsafe-1.0.jar");
        assertThat(fact(build, "com.acme.IsolatedIT")).startsWith("fork-2 ").endsWith("/target/failsafe-1.0.jar");
        assertThat(fact(build, "com.acme.CalculatorTest")).as("unit tests run on the classes directory")
                .endsWith("/target/classes/");
    }

    @Test
    void skipItsSkipsTheIntegrationTestsAndTheirVerificationButNotTheUnitTests() {
        BuildResult build = build("verify", "-DskipITs");

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(goal(build, "integration-test (it)")).contains("Tests are skipped.");
        assertThat(goal(build, "verify (it)")).contains("Tests are skipped.");
        assertThat(build.reports().resolve("TEST-com.acme.CalculatorTest.xml")).exists();
        assertThat(build.directory().resolve("target/isolane-it-reports")).doesNotExist();
    }

    @Test
    void skipTestsSkipsOnlyTheUnitTestsAsInFailsafe36AndItTestPicksIntegrationTests() {
        BuildResult build = build("verify", "-DskipTests", "-Dit.test=SharedOne*");

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(goal(build, "test (unit)")).contains("Tests are skipped.");
        assertThat(goal(build, "integration-test (it)")).doesNotContain("Tests are skipped.");
        assertThat(build.reports()).doesNotExist();
        assertThat(xmlReports(build.directory().resolve("target/isolane-it-reports")))
                .containsExactly("TEST-com.acme.SharedOneIT.xml");
        assertThat(summary(build)).contains("<completed>1</completed>");
    }

    @Test
    void itTestNamingNothingFailsAtIntegrationTestUnlessFailIfNoSpecifiedTestsIsOff() {
        BuildResult strict = build("verify", "-DskipTests", "-Dit.test=NoSuchIT");
        assertThat(strict.exitCode()).isNotZero();
        assertThat(strict.log()).contains(":integration-test (it) on project failsafe: No tests matching pattern"
                + " \"NoSuchIT\" were executed! (Set -Dfailsafe.failIfNoSpecifiedTests=false to ignore this error.)");
    }

    @Test
    void mavenTestSkipSkipsEveryGoal() {
        BuildResult build = build("verify", "-Dmaven.test.skip=true");

        assertThat(build.exitCode()).as(build.log()).isZero();
        for (String goal : List.of("test (unit)", "integration-test (it)", "verify (it)")) {
            assertThat(goal(build, goal)).contains("Tests are skipped.");
        }
        assertThat(build.reports()).doesNotExist();
        assertThat(build.directory().resolve("target/isolane-it-reports")).doesNotExist();
    }

    @Test
    void testFailureIgnoreReportsAFailingIntegrationTestWithoutFailingTheBuild() {
        BuildResult build = build("verify", "-Pfailsafe", "-Dit.fail=true", "-Dmaven.test.failure.ignore=true");

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.logLines("[ERROR] There are test failures.")).isNotEmpty();
        assertThat(build.log()).contains("See " + build.directory().resolve("target/isolane-it-reports")
                + " for the individual test results (TEST-*.xml, and isolane-report.json for the whole run).");
    }

    @Test
    void theSummaryIsTheOneFailsafeWritesAndFailsafesVerifyReadsIt() throws IOException {
        BuildResult build = build("verify", "-Pfailsafe", "-Dit.fail=true", "-Dmaven.test.failure.ignore=true");

        String failsafes = Files.readString(build.directory().resolve("target/failsafe-reports/failsafe-summary.xml"));
        assertThat(summary(build)).isEqualTo(failsafes);
        // Failsafe's verify was pointed at Isolane's summary, and found the failure in it.
        assertThat(build.log()).contains("See " + build.directory().resolve("target/failsafe-reports")
                + " for the individual test results.");
    }

    /** What one of Isolane's goals logged, from its header to the next plugin's. */
    private static String goal(BuildResult build, String goalAndExecution) {
        String log = build.log();
        int start = log.indexOf("isolane-maven-plugin:" + System.getProperty("isolane.version") + ":"
                + goalAndExecution + " @ failsafe");
        assertThat(start).as("%s ran; log:%n%s", goalAndExecution, log).isNotNegative();
        int end = log.indexOf("[INFO] --- ", start);
        return log.substring(start, end < 0 ? log.length() : end);
    }

    private static String summary(BuildResult build) {
        try {
            return Files.readString(build.directory().resolve("target/isolane-it-reports/failsafe-summary.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException("no summary; build log:\n" + build.log(), e);
        }
    }

    private static String fact(BuildResult build, String className) {
        try {
            return Files.readString(build.directory().resolve("target/facts/" + className + ".txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> xmlReports(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("TEST-"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
