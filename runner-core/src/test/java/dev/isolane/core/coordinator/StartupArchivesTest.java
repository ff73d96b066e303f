package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which start-up archive a worker gets on which JDK, and what is said when the argLine rules one out. Recording itself
 * is {@link WorkerArchiveTest}'s and {@link AotCacheTest}'s.
 */
class StartupArchivesTest {

    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();
    private final RunLog log = new RunLog() {
        @Override
        public void info(String line) {
            said.add(line);
        }

        @Override
        public void warn(String line) {
            said.add("WARN " + line);
        }

        @Override
        public void error(String line) {
            said.add("ERROR " + line);
        }
    };

    @Test
    void anArgLineThatChoosesItsOwnSharingGetsNeitherAndIsToldOnce() throws Exception {
        for (String argLine : List.of("-Xshare:off", "-XX:SharedArchiveFile=/tmp/app.jsa -Xmx1g",
                "-XX:AOTCache=/tmp/app.aot")) {
            said.clear();
            StartupArchives archives = StartupArchives.prepare(config(argLine, javaOfThisJvm()), log);

            assertThat(archives.options(false)).isEmpty();
            assertThat(archives.options(true)).isEmpty();
            assertThat(said).singleElement().asString()
                    .startsWith("Worker JVMs start without Isolane's class-data-sharing archive or AOT cache: the"
                            + " argLine sets " + argLine.split("[= ]")[0] + " itself.");
        }
        assertThat(dir.resolve("isolane-work/cds")).doesNotExist();
    }

    @Test
    void java17RecordsTheArchiveOnlyAndSaysNothing() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() < AotCache.FIRST_FEATURE, "this JVM is " + Runtime.version());
        StartupArchives archives = StartupArchives.prepare(config("-Xmx1g", javaOfThisJvm()), log);
        archives.awaitRecording();

        assertThat(said).isEmpty();
        assertThat(archives.options(false)).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
        assertThat(dir.resolve("isolane-work/cds")).isDirectoryNotContaining("glob:**.aot");
    }

    @Test
    void java25WithAnAgentInTheArgLineMapsTheArchiveAndSaysWhyOnce() throws Exception {
        Path java = AotCacheTest.java25();
        StartupArchives archives = StartupArchives.prepare(config("-javaagent:/opt/jacoco/agent.jar=destfile=x",
                java), log);
        archives.awaitRecording();

        assertThat(said).containsExactly("Isolated JVMs map Isolane's class-data-sharing archive rather than the Java"
                + " 25 AOT cache: the JDK maps no AOT cache beside the agent the argLine loads (-javaagent:...).");
        assertThat(archives.options(false)).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="))
                .noneMatch(option -> option.startsWith("-XX:AOTCache"));
    }

    @Test
    void java25GivesWorkersWithoutAnAgentTheAotCacheAndTheOthersTheArchive() throws Exception {
        Path java = AotCacheTest.java25();
        StartupArchives archives = StartupArchives.prepare(config("", java), log);
        archives.awaitRecording();

        assertThat(said).isEmpty();
        assertThat(archives.options(false)).anyMatch(option -> option.startsWith("-XX:AOTCache="));
        assertThat(archives.options(true)).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
    }

    private RunConfig config(String argLine, Path java) throws Exception {
        return RunConfig.builder().testClasspath(AotCacheTest.junitJars())
                .isolaneClasspath(AotCacheTest.isolaneJars(dir)).argLine(argLine).javaExecutable(java)
                .workingDirectory(dir).workDirectory(dir.resolve("isolane-work")).build();
    }

    private static Path javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
