package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.maven.it.BuildResult.Record;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plugin on each Maven line users run: the oldest supported (3.8), the newest 3.9 and Maven 4, each a
 * distribution the build unpacked into {@code target/mavens}, on the {@code basic} project.
 */
class MavenVersionsIT {

    @Test
    void maven38() {
        runsOn(MavenBuild.property("it.maven38.version"));
    }

    @Test
    void maven39() {
        runsOn(MavenBuild.property("it.maven39.version"));
    }

    @Test
    void maven4() {
        runsOn(MavenBuild.property("it.maven4.version"));
    }

    private static void runsOn(String version) {
        BuildResult build = MavenBuild.project("basic").maven(version).args("--show-version", "verify").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("Apache Maven " + version)
                .contains("Running 14 test classes: 12 in a shared JVM on 3 threads, 2 in isolated JVMs");
        assertIsolatedClassesRanInJvmsOfTheirOwn(build, System.getProperty("java.version"));
    }

    /** Every class ran on the given Java; the two isolated ones each in a JVM of its own, the rest in one. */
    static void assertIsolatedClassesRanInJvmsOfTheirOwn(BuildResult build, String javaVersion) {
        Map<String, Record> records = build.records();
        assertThat(records).hasSize(14);
        Set<Long> sharedPids = records.entrySet().stream().filter(e -> e.getKey().contains("Plain"))
                .map(e -> e.getValue().pid()).collect(Collectors.toSet());
        long isolatedOne = records.get("com.acme.IsolatedOneTest").pid();
        long isolatedTwo = records.get("com.acme.IsolatedTwoTest").pid();
        assertThat(sharedPids).hasSize(1).doesNotContain(isolatedOne, isolatedTwo, build.mavenPid());
        assertThat(isolatedOne).isNotEqualTo(isolatedTwo);
        assertThat(records.values()).extracting(Record::javaVersion).containsOnly(javaVersion);
    }
}
