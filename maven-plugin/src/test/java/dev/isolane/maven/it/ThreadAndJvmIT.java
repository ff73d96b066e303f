package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a test can observe of its thread and JVM, asserted by the tests of the {@code test-thread} project under
 * Surefire 3.6.1 and under Isolane, in the shared JVM and in isolated ones, in one build: all pass under each, but the
 * test of standard input, which only Isolane runs (Surefire's fork reads its commands there).
 */
class ThreadAndJvmIT {

    @Test
    void aTestSeesTheThreadAndJvmItWouldSeeInSurefiresFork() {
        BuildResult build = MavenBuild.project("test-thread")
                .args("verify", "-Dit.userProperty=from the command line").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes surefire = TestOutcomes.read(build.directory().resolve("target/surefire-reports"));
        TestOutcomes shared = TestOutcomes.read(build.reports());
        TestOutcomes isolated = TestOutcomes.read(build.directory().resolve("target/isolane-isolated-reports"));
        String stdin = "com.acme.TestJvmTest#readsTheEndOfAnEmptyStandardInputInIsolane";
        assertThat(surefire.byTest()).hasSize(13).containsEntry(stdin, "skipped");
        assertThat(surefire.counts()).containsEntry("passed", 12);
        assertThat(shared.differencesFrom(surefire)).as(build.log())
                .containsExactly(stdin + ": expected skipped, was passed");
        assertThat(isolated.differencesFrom(shared)).as(build.log()).isEmpty();
        assertThat(build.jsonClass("com.acme.TestThreadTest").get("lane").getAsString()).isEqualTo("shared");
        assertThat(build.log()).contains("in com.acme.TestThreadTest [isolated JVM pid");
    }
}
