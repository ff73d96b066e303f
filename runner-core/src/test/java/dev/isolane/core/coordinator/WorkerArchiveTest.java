package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerArchiveTest {

    @TempDir
    Path dir;

    @Test
    void isolaneAndJunitJarsGoFirstAndEverythingElseKeepsItsOrder() {
        RunConfig config = RunConfig.builder()
                .testClasspath(List.of(Path.of("/p/target/test-classes"), Path.of("/p/target/classes"),
                        Path.of("/m2/junit-jupiter-api-5.14.4.jar"), Path.of("/m2/guava-33.jar"),
                        Path.of("/m2/junit-platform-engine-1.14.4.jar"), Path.of("/m2/opentest4j-1.3.0.jar"),
                        Path.of("/m2/my-junit-platform-helpers-1.0.jar")))
                .isolaneClasspath(List.of(Path.of("/i/isolane-runner-core.jar"),
                        Path.of("/m2/junit-platform-launcher-1.14.4.jar")))
                .workingDirectory(dir)
                .build();

        assertThat(WorkerArchive.order(config)).containsExactly(
                Path.of("/i/isolane-runner-core.jar"), Path.of("/m2/junit-platform-launcher-1.14.4.jar"),
                Path.of("/m2/junit-jupiter-api-5.14.4.jar"), Path.of("/m2/junit-platform-engine-1.14.4.jar"),
                Path.of("/m2/opentest4j-1.3.0.jar"),
                Path.of("/p/target/test-classes"), Path.of("/p/target/classes"), Path.of("/m2/guava-33.jar"),
                Path.of("/m2/my-junit-platform-helpers-1.0.jar"));
    }

    @Test
    void onlyJarsThatExistCanBeArchivedAndADirectoryEndsThePrefix() throws Exception {
        Path core = Files.createFile(dir.resolve("isolane-runner-core-0.1.0.jar"));
        Path api = Files.createFile(dir.resolve("junit-jupiter-api-5.14.4.jar"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        RunConfig config = RunConfig.builder()
                .testClasspath(List.of(classes, api, dir.resolve("junit-platform-commons-1.14.4.jar")))
                .isolaneClasspath(List.of(core))
                .workingDirectory(dir)
                .build();

        assertThat(WorkerArchive.shareablePrefix(config)).containsExactly(core, api);
    }

    @Test
    void nothingIsRecordedWithoutJarsOrWhenTheUserTurnedSharingOff() throws Exception {
        Path core = Files.createFile(dir.resolve("isolane-runner-core-0.1.0.jar"));
        RunConfig directories = RunConfig.builder().isolaneClasspath(List.of(Files.createDirectories(
                dir.resolve("core-classes")))).workingDirectory(dir).build();
        RunConfig sharingOff = RunConfig.builder().isolaneClasspath(List.of(core)).argLine("-Xshare:off")
                .workingDirectory(dir).build();

        assertThat(WorkerArchive.prepare(directories).options()).isEmpty();
        assertThat(WorkerArchive.prepare(sharingOff).options()).isEmpty();
        assertThat(dir.resolve("isolane-work/cds")).doesNotExist();
    }
}
