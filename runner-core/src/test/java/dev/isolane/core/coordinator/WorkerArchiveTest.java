package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunHarness;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    @Test
    void recordsOnceAndLaterWorkersMapIsolanesOwnClassesFromTheArchive() throws Exception {
        List<Path> junit = RunHarness.testClasspath().stream().filter(path -> path.getFileName().toString()
                .matches("(junit-|opentest4j|apiguardian|hamcrest).*\\.jar")).toList();
        List<Path> gson = RunHarness.testClasspath().stream()
                .filter(path -> path.getFileName().toString().startsWith("gson-")).toList();
        List<Path> isolane = new ArrayList<>(List.of(jarOf(Path.of("target/classes"),
                dir.resolve("isolane-runner-core-test.jar"))));
        isolane.addAll(gson);
        RunConfig config = RunConfig.builder().testClasspath(junit).isolaneClasspath(isolane)
                .workingDirectory(dir).build();

        WorkerArchive archive = WorkerArchive.prepare(config);
        archive.awaitRecording();

        assertThat(archive.isReady()).isTrue();
        assertThat(WorkerArchive.prepare(config).isReady()).as("the next run finds it").isTrue();
        String log = warmUpWithClassLoading(config, archive.options());
        assertThat(log).contains("dev.isolane.core.protocol.Channel source: shared objects file (top)",
                "org.junit.platform.launcher.core.LauncherFactory source: shared objects file (top)");
    }

    /** Runs a warm-up worker with these JVM options and returns its class-loading log, once it exited with 0. */
    static String warmUpWithClassLoading(RunConfig config, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(config.javaExecutable().toString()));
        command.addAll(options);
        command.addAll(List.of("-Xlog:class+load", "-cp", WorkerArchive.order(config).stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)), "dev.isolane.core.worker.WarmUp"));
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.exitValue()).as(log).isZero();
        return log;
    }

    static Path jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream content = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                content.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar,
                        '/')));
                Files.copy(file, content);
                content.closeEntry();
            }
        }
        return jar;
    }
}
