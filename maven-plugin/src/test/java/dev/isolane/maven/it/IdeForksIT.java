package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An IDE-style launch (JUnit's ConsoleLauncher on the test class path, no Isolane plugin) of the {@code ide-forks}
 * project: its three {@code @IsolatedProcess} classes run in forked JVMs at the same time, and beside the plain class
 * in the launching JVM. The tests prove it themselves: each goes on only once all four are running, and records its
 * PID and times.
 */
class IdeForksIT {

    private static final List<String> ISOLATED = List.of("com.acme.Isolated1Test", "com.acme.Isolated2Test",
            "com.acme.Isolated3Test");

    @Test
    void isolatedClassesRunInForksAtOnceAndBesideThePlainClass() throws Exception {
        BuildResult build = MavenBuild.project("ide-forks").args("test-compile", "dependency:build-classpath",
                "-Dmdep.outputFile=target/test.classpath", "-Dmdep.includeScope=test").run();
        assertThat(build.exitCode()).as(build.log()).isZero();

        Path dir = build.directory();
        String classpath = String.join(File.pathSeparator, dir.resolve("target/test-classes").toString(),
                Files.readString(dir.resolve("target/test.classpath")).strip());
        Path log = dir.resolve("console.log");
        Process console = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dit.records=" + dir.resolve("target/records"), "-Dit.meeting=4", "-Disolane.forks=3",
                "-cp", classpath, "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner",
                "--disable-ansi-colors", "--details=tree", "--scan-classpath", dir.resolve("target/test-classes")
                .toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = console.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            console.descendants().forEach(ProcessHandle::destroyForcibly);
            console.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as(output).isTrue();

        assertThat(console.exitValue()).as(output).isZero();
        assertThat(count(output, "successful")).as(output).isEqualTo(4);
        assertThat(count(output, "failed")).as(output).isZero();
        Map<String, long[]> records = records(dir.resolve("target/records"));
        assertThat(records).containsOnlyKeys("com.acme.PlainTest", "com.acme.Isolated1Test", "com.acme.Isolated2Test",
                "com.acme.Isolated3Test");
        assertThat(records.get("com.acme.PlainTest")[0]).isEqualTo(console.pid());
        assertThat(ISOLATED.stream().map(name -> records.get(name)[0])).doesNotHaveDuplicates()
                .doesNotContain(console.pid());
        long latestStart = records.values().stream().mapToLong(record -> record[1]).max().orElseThrow();
        long earliestEnd = records.values().stream().mapToLong(record -> record[2]).min().orElseThrow();
        assertThat(latestStart).as("every class started before any ended: " + output).isLessThan(earliestEnd);
    }

    /** A count of the ConsoleLauncher's summary: "[         4 tests successful      ]". */
    private static int count(String output, String kind) {
        Matcher matcher = Pattern.compile("\\[\\s*(\\d+) tests " + kind + "\\s*]").matcher(output);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** Class name to {pid, start, end}, as each test wrote it. */
    private static Map<String, long[]> records(Path dir) throws IOException {
        Map<String, long[]> records = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".txt")).sorted().toList()) {
                String[] parts = Files.readString(file).strip().split(" ");
                records.put(file.getFileName().toString().replaceFirst("\\.txt$", ""), new long[] {
                        Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return records;
    }
}
