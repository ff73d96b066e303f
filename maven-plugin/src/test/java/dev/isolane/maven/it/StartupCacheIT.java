package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Isolated JVMs start from what a warm-up recorded for the worker JDK, proved by the JVMs themselves: the {@code
 * startup-cache} project's tests record their PID, Java version and archive options, and every worker logs where
 * each class came from ({@code -Xlog:class+load} in the argLine). The first build records in the background; the
 * second one's isolated JVMs load JUnit's and Isolane's classes from the {@code shared objects file}.
 */
class StartupCacheIT {

    private static final List<String> ISOLATED = List.of("com.acme.IsolatedOneTest", "com.acme.IsolatedTwoTest");
    /** Classes of Isolane's and JUnit's jars every isolated worker loads before its test class. */
    private static final List<String> FROM_THE_JARS = List.of("dev.isolane.core.worker.WorkerMain",
            "org.junit.platform.launcher.core.LauncherFactory", "org.junit.jupiter.engine.JupiterTestEngine");

    @Test
    void onJava25IsolatedJvmsMapTheAotCacheAndTheSharedJvmTheArchive() throws IOException {
        Path home = Path.of(MavenBuild.property("it.jdk25.home"));
        Path java = home.resolve("bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java), "no JDK 25 at " + home + " (set -Dit.jdk25.home to one)");

        BuildResult first = MavenBuild.project("startup-cache").args("verify", "-Djvm=" + java).run();
        assertThat(first.exitCode()).as(first.log()).isZero();
        Path cache = recorded(first, ".aot");
        Path archive = recorded(first, ".jsa");

        BuildResult second = MavenBuild.project("startup-cache").args("verify", "-Djvm=" + java)
                .runIn(first.directory());

        assertThat(second.exitCode()).as(second.log()).isZero();
        Map<String, String[]> records = records(second);
        for (String isolated : ISOLATED) {
            String[] record = records.get(isolated);
            assertThat(record[1]).as(isolated + "'s Java").startsWith("25");
            assertThat(record).as(isolated + "'s options").contains("-XX:AOTCache=" + cache);
            assertLoadedFromTheArchive(second, record[0], "");
        }
        // The shared JVM carries Isolane's agent, beside which the JDK maps no AOT cache: it takes the archive.
        String[] shared = records.get("com.acme.PlainTest");
        assertThat(shared).contains("-XX:SharedArchiveFile=" + archive);
        assertLoadedFromTheArchive(second, shared[0], " (top)");
    }

    @Test
    void onJava17IsolatedJvmsMapTheClassDataSharingArchive() throws IOException {
        BuildResult first = MavenBuild.project("startup-cache").run();
        assertThat(first.exitCode()).as(first.log()).isZero();
        Path archive = recorded(first, ".jsa");
        assertThat(first.directory().resolve("target/isolane-work/cds")).isDirectoryNotContaining("glob:**.aot");

        BuildResult second = MavenBuild.project("startup-cache").runIn(first.directory());

        assertThat(second.exitCode()).as(second.log()).isZero();
        Map<String, String[]> records = records(second);
        for (String isolated : ISOLATED) {
            String[] record = records.get(isolated);
            assertThat(record[1]).startsWith(System.getProperty("java.specification.version"));
            assertThat(record).contains("-XX:SharedArchiveFile=" + archive);
            assertLoadedFromTheArchive(second, record[0], " (top)");
        }
    }

    /** The one file of this kind the first build recorded (the end of a run waits for a recording still going). */
    private static Path recorded(BuildResult build, String extension) throws IOException {
        Path directory = build.directory().resolve("target/isolane-work/cds");
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().startsWith("workers-")
                    && file.getFileName().toString().endsWith(extension)).toList();
            assertThat(found).as("recorded in " + directory + ": " + listing(directory)).hasSize(1);
            return found.get(0);
        }
    }

    private static String listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList().toString();
        }
    }

    /** Class name to "pid version option...", as each test class wrote it. */
    private static Map<String, String[]> records(BuildResult build) throws IOException {
        Map<String, String[]> records = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(build.directory().resolve("target/records"))) {
            for (Path file : files.sorted().toList()) {
                records.put(file.getFileName().toString().replaceFirst("\\.txt$", ""),
                        Files.readString(file).strip().split(" "));
            }
        }
        assertThat(records).containsOnlyKeys("com.acme.PlainTest", "com.acme.IsolatedOneTest",
                "com.acme.IsolatedTwoTest");
        return records;
    }

    private static void assertLoadedFromTheArchive(BuildResult build, String pid, String layer) throws IOException {
        String log = Files.readString(build.directory().resolve("target/class-load-" + pid + ".log"));
        for (String className : FROM_THE_JARS) {
            assertThat(log).as("JVM " + pid + "'s class-load log").contains(className + " source: shared objects file"
                    + layer);
        }
    }
}
