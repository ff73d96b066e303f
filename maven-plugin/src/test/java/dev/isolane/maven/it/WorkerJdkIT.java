package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Worker JVMs on another JDK than Maven's, through the {@code jvm} parameter, on the {@code basic} project: the shared
 * JVM and the isolated ones all run on it. Java 17 is Maven's own JDK, which every other IT uses. A JDK that is not
 * installed skips its test, saying where it was looked for ({@code it.jdk21.home}, {@code it.jdk25.home}).
 */
class WorkerJdkIT {

    @Test
    void java21() throws IOException {
        runsOn("it.jdk21.home", "21");
    }

    @Test
    void java25() throws IOException {
        runsOn("it.jdk25.home", "25");
    }

    private static void runsOn(String homeProperty, String feature) throws IOException {
        Path home = Path.of(MavenBuild.property(homeProperty));
        Path java = home.resolve("bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java), "no JDK " + feature + " at " + home + " (set -D"
                + homeProperty + " to one)");
        String version = javaVersion(home).orElseThrow(() -> new AssertionError("no JAVA_VERSION in " + home
                + "/release"));
        assertThat(version).startsWith(feature);

        BuildResult build = MavenBuild.project("basic").args("verify", "-Djvm=" + java).run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        MavenVersionsIT.assertIsolatedClassesRanInJvmsOfTheirOwn(build, version);
    }

    /** The version a JDK states in its {@code release} file, as {@code java.version} reports it. */
    private static Optional<String> javaVersion(Path home) throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "")).findFirst();
        }
    }
}
