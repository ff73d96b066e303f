package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunHarness;
import dev.isolane.core.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    private final RunLog log = RunHarness.recording(said);

    @Test
    void anArgLineThatChoosesItsOwnSharingGetsNeitherAndIsToldOnce() throws Exception {
        for (String argLine : List.of("-Xshare:off", "-XX:SharedArchiveFile=/tmp/app.jsa -Xmx1g",
                "-XX:AOTCache=/tmp/app.aot")) {
            said.clear();
            StartupArchives archives = StartupArchives.prepare(config(argLine, javaOfThisJvm()), log);

            assertThat(archives.options(false)).isEmpty();
            assertThat(archives.options(true)).isEmpty();
            assertThat(said).singleElement().asString()
                    .startsWith("[INFO] Worker JVMs start without Isolane's class-data-sharing archive or AOT cache: the"
                            + " argLine sets " + argLine.split("[= ]")[0] + " itself.");
        }
        assertThat(dir.resolve("isolane-work/cds")).doesNotExist();
    }

    @Test
    void java17RecordsTheArchiveOnlyAndSaysNothing() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() < AotCache.FIRST_FEATURE,
                "this JVM is " + Runtime.version());
        StartupArchives archives = StartupArchives.prepare(config("-Xmx1g", javaOfThisJvm()), log);
        archives.awaitRecording(log);

        assertThat(said).isEmpty();
        assertThat(archives.options(false)).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
        assertThat(dir.resolve("isolane-work/cds")).isDirectoryNotContaining("glob:**.aot");
    }

    @Test
    void java25WithAnAgentInTheArgLineMapsTheArchiveAndSaysWhyOnce() throws Exception {
        Path java = AotCacheTest.java25();
        StartupArchives archives = StartupArchives.prepare(config("-javaagent:/opt/jacoco/agent.jar=destfile=x",
                java), log);
        archives.awaitRecording(log);

        assertThat(said).containsExactly("[INFO] Isolated JVMs map Isolane's class-data-sharing archive rather than the Java"
                + " 25 AOT cache: the JDK maps no AOT cache beside the agent the argLine loads (-javaagent:...).");
        assertThat(archives.options(false)).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="))
                .noneMatch(option -> option.startsWith("-XX:AOTCache"));
    }

    @Test
    void java25GivesWorkersWithoutAnAgentTheAotCacheAndTheOthersTheArchive() throws Exception {
        Path java = AotCacheTest.java25();
        StartupArchives archives = StartupArchives.prepare(config("", java), log);
        archives.awaitRecording(log);

        assertThat(said).isEmpty();
        assertThat(archives.options(false)).anyMatch(option -> option.startsWith("-XX:AOTCache="));
        assertThat(archives.options(true)).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void aJdkThatCannotRecordACacheIsToldOnceAndNotAskedAgain() throws Exception {
        // A "JDK 25" whose java fails at everything, as one without the feature would fail to record.
        Path home = Files.createDirectories(dir.resolve("jdk-25-without"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'Unrecognized VM option AOTCacheOutput' >&2\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        RunConfig config = config("", java);
        StartupArchives first = StartupArchives.prepare(config, log);
        first.awaitRecording(log);

        assertThat(first.options(false)).isEmpty();
        assertThat(said).singleElement().asString().startsWith("[INFO] The worker JDK could not record an AOT cache (")
                .contains("recording-aot.log says why").endsWith("isolated JVMs start with Isolane's"
                        + " class-data-sharing archive instead.");
        assertThat(Files.readString(dir.resolve("isolane-work/cds/recording-aot.log")))
                .contains("Unrecognized VM option AOTCacheOutput");

        said.clear();
        StartupArchives second = StartupArchives.prepare(config, log);
        second.awaitRecording(log);
        assertThat(said).as("not asked again, so nothing to say").isEmpty();
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
