package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JUnit 5 feature suite on JUnit 6: the workers run the user's Platform 6, with the launcher of the same version
 * added (the project has none), and Isolane's reports agree with Surefire's test for test.
 */
class JUnit6IT {

    @Test
    void everyTestKindRunsOnTheUsersJUnit6AsSurefireRunsIt() throws IOException {
        String junit6 = MavenBuild.property("it.junit6.version");
        BuildResult build = MavenBuild.project("junit5-features").args("verify", "-Djunit.version=" + junit6).run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes isolane = TestOutcomes.read(build.reports());
        TestOutcomes surefire = TestOutcomes.read(build.directory().resolve("target/surefire-reports"));
        assertThat(isolane.differencesFrom(surefire)).as(build.log()).isEmpty();
        assertThat(isolane.byTest()).hasSizeGreaterThan(25)
                .containsEntry("com.acme.KindsTest$Inner$Deeper#deepParam(int)[1]", "passed")
                .containsEntry("com.acme.IsolatedParamTest#isolatedParam(String)[2]", "passed");

        String workerArgs = workerArgs(build);
        assertThat(workerArgs).contains("junit-platform-launcher-" + junit6 + ".jar")
                .contains("junit-jupiter-engine-" + junit6 + ".jar")
                .doesNotContain("junit-platform-launcher-1.").doesNotContain("junit-platform-engine-1.");
    }

    /** The argument file of the shared worker, which holds its classpath. */
    static String workerArgs(BuildResult build) throws IOException {
        try (Stream<Path> files = Files.walk(build.directory().resolve("target/isolane-work"))) {
            Path args = files.filter(f -> f.getFileName().toString().equals("worker-1.args")).findFirst()
                    .orElseThrow(() -> new AssertionError("no worker-1.args in target/isolane-work"));
            return Files.readString(args);
        }
    }
}
