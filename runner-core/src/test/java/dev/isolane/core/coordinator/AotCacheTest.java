package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunHarness;
import dev.isolane.core.launch.LeanJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java 25 AOT cache, recorded by a real warm-up on a real JDK 25 ({@code it.jdk25.home}, by default where the
 * build machine has one; the tests skip without it) and mapped by a later JVM, whose class-loading log says where
 * each class came from.
 */
class AotCacheTest {

    private static final String JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

    @TempDir
    Path dir;

    @Test
    void recordsOnceAndALaterJvmLoadsIsolanesAndJunitsClassesFromIt() throws Exception {
        RunConfig config = RunConfig.builder().testClasspath(junitJars()).isolaneClasspath(isolaneJars(dir))
                .javaExecutable(java25()).workingDirectory(dir).build();
        List<Path> prefix = WorkerArchive.shareablePrefix(config);

        AotCache cache = AotCache.prepare(config, prefix);
        cache.awaitRecording();

        assertThat(cache.isReady()).as(recordingLog(cache)).isTrue();
        assertThat(cache.file().getFileName().toString()).startsWith("workers-").endsWith(".aot");
        assertThat(AotCache.prepare(config, prefix).isReady()).as("the next run finds it").isTrue();
        List<String> options = new ArrayList<>(cache.options());
        options.addAll(LeanJvm.options("")); // as a lean isolated worker starts
        String log = WorkerArchiveTest.warmUpWithClassLoading(config, options);
        assertThat(log).contains("dev.isolane.core.protocol.Channel source: shared objects file",
                "org.junit.platform.launcher.core.LauncherFactory source: shared objects file",
                "java.lang.Object source: shared objects file");
    }

    @Test
    void aChangedJarGetsACacheOfItsOwn() throws Exception {
        RunConfig config = RunConfig.builder().testClasspath(junitJars()).isolaneClasspath(isolaneJars(dir))
                .javaExecutable(java25()).workingDirectory(dir).build();
        List<Path> prefix = WorkerArchive.shareablePrefix(config);
        String before = WorkerArchive.key(config, prefix);

        Path jar = config.isolaneClasspath().get(0);
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 60_000));

        assertThat(WorkerArchive.key(config, prefix)).isNotEqualTo(before);
    }

    /** A JDK 25 launcher, or the test is skipped saying where one was looked for. */
    static Path java25() {
        Path home = Path.of(System.getProperty("it.jdk25.home", JDK25));
        Path java = home.resolve("bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java), "no JDK 25 at " + home + " (set -Dit.jdk25.home to one)");
        return java;
    }

    /** JUnit's jars from this build's test class path. */
    static List<Path> junitJars() {
        return RunHarness.testClasspath().stream().filter(path -> path.getFileName().toString()
                .matches("(junit-|opentest4j|apiguardian|hamcrest).*\\.jar")).toList();
    }

    /** runner-core's classes as a jar (an archive takes classes from jars only), and Gson. */
    static List<Path> isolaneJars(Path dir) throws IOException {
        List<Path> isolane = new ArrayList<>(List.of(WorkerArchiveTest.jarOf(Path.of("target/classes"),
                dir.resolve("isolane-runner-core-test.jar"))));
        isolane.addAll(RunHarness.testClasspath().stream()
                .filter(path -> path.getFileName().toString().startsWith("gson-")).toList());
        return isolane;
    }

    private static String recordingLog(AotCache cache) throws IOException {
        Path log = cache.file().resolveSibling("recording-aot.log");
        return Files.exists(log) ? Files.readString(log) : "no recording log";
    }
}
