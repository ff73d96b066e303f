package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Surefire's {@code useModulePath}: a modular project's tests run inside its module, patched in as Surefire does, in
 * the shared JVM and in an isolated one; with {@code useModulePath=false} on the class path.
 */
class ModulePathIT {

    @Test
    void testsRunPatchedIntoTheMainModuleByDefault() {
        BuildResult build = MavenBuild.project("modular").args("test").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.logLines("Tests run on the module path, patched into module com.acme.greeter"
                + " (useModulePath)")).hasSize(1);
        assertThat(facts(build, "GreeterTest")).isEqualTo("com.acme.greeter com.acme.greeter");
        assertThat(facts(build, "IsolatedGreeterTest")).isEqualTo("com.acme.greeter com.acme.greeter");
        assertThat(build.log()).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        // The shared JVM's agent watched the module's static field: instrumented module code reached Isolane.
        assertThat(build.logLines("static field com.acme.greeter.Greeter.greeted -- left changed")).hasSize(1);
    }

    @Test
    void useModulePathFalseRunsThemOnTheClassPath() {
        BuildResult build = MavenBuild.project("modular").args("test", "-Dsurefire.useModulePath=false").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.logLines("Tests run on the module path")).isEmpty();
        assertThat(facts(build, "GreeterTest")).isEqualTo("unnamed unnamed");
        assertThat(facts(build, "IsolatedGreeterTest")).isEqualTo("unnamed unnamed");
    }

    private static String facts(BuildResult build, String testClass) {
        try {
            return Files.readString(build.directory().resolve("target/facts/" + testClass + ".txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no facts; build log:\n" + build.log(), e);
        }
    }
}
