package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @IsolatedProcess} without the Isolane plugin: the project {@code plain-launch} (plain, failing, skipped and
 * isolated classes) runs under plain Surefire and under JUnit's own ConsoleLauncher on the test class path, as an IDE
 * launches tests, on JUnit 5.14 and 6. Each run must count what a run without the annotation counts, show the forked
 * classes' failures, and the isolated classes must record PIDs of their own.
 */
class PlainLaunchIT {

    private static final List<String> PLAIN = List.of("com.acme.PlainPassTest", "com.acme.PlainFailTest",
            "com.acme.PlainSkipTest");
    private static final List<String> ISOLATED = List.of("com.acme.IsolatedPassTest", "com.acme.IsolatedFailTest",
            "com.acme.IsolatedSkipTest");

    private static Run annotated;
    private static Run withoutAnnotation;
    private static Run junit6;
    /** The ConsoleLauncher on the JUnit 6 copy with {@code isolane.detect=off} in a junit-platform.properties. */
    private static Console switchedOff;

    @BeforeAll
    static void runAll() {
        annotated = Run.of(MavenBuild.project("plain-launch").copyProject(), List.of());
        Path stripped = MavenBuild.project("plain-launch").copyProject();
        removeAnnotation(stripped);
        withoutAnnotation = Run.of(stripped, List.of());
        // -Disolane.detect=off reaches the tests as a system property (Surefire passes Maven's user properties on).
        junit6 = Run.of(MavenBuild.project("plain-launch").copyProject(),
                List.of("-Djunit.version=" + MavenBuild.property("it.junit6.version"), "-Disolane.detect=off"));
        switchedOff = Console.run(junit6.dir, junit6.maven, "console-records-off",
                Map.of("junit-platform.properties", "isolane.detect=off\n"));
    }

    @Test
    void surefireCountsAsWithoutTheAnnotation() {
        for (Run run : List.of(annotated, withoutAnnotation, junit6)) {
            assertThat(run.maven.exitCode()).as(run.maven.log()).isZero();
        }
        // 16 tests: 11 pass, 2 fail, 2 disabled, 1 aborted (Surefire counts aborted as skipped).
        assertThat(withoutAnnotation.surefireTotals()).isEqualTo("Tests run: 16, Failures: 2, Errors: 0, Skipped: 3");
        assertThat(annotated.surefireTotals()).isEqualTo(withoutAnnotation.surefireTotals());
        assertThat(junit6.surefireTotals()).isEqualTo(withoutAnnotation.surefireTotals());
    }

    @Test
    void surefireReportsTheForkedFailureInItsLogAndXml() throws IOException {
        for (Run run : List.of(annotated, junit6)) {
            assertThat(run.maven.log()).contains("IsolatedFailTest.failsOnPurpose").contains("forked arithmetic is off");
            String xml = Files.readString(run.dir.resolve("target/surefire-reports/TEST-com.acme.IsolatedFailTest.xml"));
            assertThat(xml).contains("tests=\"3\"").contains("failures=\"1\"").contains("skipped=\"1\"")
                    .contains("forked arithmetic is off");
        }
    }

    @Test
    void underSurefireEachIsolatedClassRanInAJvmOfItsOwn() {
        for (Run run : List.of(annotated, junit6)) {
            assertForked(run.records("records"), run.maven.log());
        }
        Map<String, Long> baseline = withoutAnnotation.records("records");
        assertThat(new HashSet<>(baseline.values())).as("without the annotation, one JVM runs all").hasSize(1);
    }

    @Test
    void consoleLauncherCountsAsWithoutTheAnnotation() {
        Map<String, Integer> expected = withoutAnnotation.console().counts();
        assertThat(expected).containsEntry("found", 16).containsEntry("successful", 11).containsEntry("failed", 2)
                .containsEntry("skipped", 2).containsEntry("aborted", 1);
        assertThat(annotated.console().counts()).as(annotated.console().output()).isEqualTo(expected);
        assertThat(junit6.console().counts()).as(junit6.console().output()).isEqualTo(expected);
    }

    @Test
    void consoleLauncherShowsTheForkedFailuresAndOutput() {
        for (Run run : List.of(annotated, junit6)) {
            Console console = run.console();
            assertThat(console.exitCode()).as(console.output()).isEqualTo(1); // tests failed
            assertThat(console.output()).contains("forked arithmetic is off").contains("plain arithmetic is off")
                    .contains("isolated one is for later").contains("not on this machine")
                    .contains("IsolatedPassTest prints from pid " + run.records("console-records")
                            .get("com.acme.IsolatedPassTest"));
        }
    }

    @Test
    void underTheConsoleLauncherEachIsolatedClassRanInAJvmOfItsOwn() {
        for (Run run : List.of(annotated, junit6)) {
            Map<String, Long> records = run.records("console-records");
            assertForked(records, run.console().output());
            assertThat(records.get(PLAIN.get(0))).isEqualTo(run.console().pid());
        }
    }

    @Test
    void aPlainLaunchReportsTheGlobalsAClassLeftChangedButNotThoseOfItsForkedClasses() {
        List<String> expected = List.of(
                "Isolation violations: 1 piece of JVM-wide state left changed by test classes in this JVM:",
                "  system property acme.rounding -- left changed",
                "    com.acme.PlainPassTest",
                "    fix: annotate PlainPassTest with @IsolatedProcess, or restore system property acme.rounding in"
                        + " @AfterEach/@AfterAll (save the old value first; clear the property if it had none)");
        for (String output : List.of(annotated.maven.log(), annotated.console().output(), junit6.console().output())) {
            assertThat(violations(output)).as(output).startsWith(expected.toArray(String[]::new)).hasSize(5);
        }
    }

    @Test
    void withoutTheAnnotationTheClassThatWasForkedIsReportedToo() {
        for (String output : List.of(withoutAnnotation.maven.log(), withoutAnnotation.console().output())) {
            assertThat(violations(output)).as(output)
                    .contains("Isolation violations: 2 pieces of JVM-wide state left changed by test classes in this"
                            + " JVM:")
                    .containsSequence("  default TimeZone -- left changed", "    com.acme.IsolatedPassTest")
                    .containsSequence("  system property acme.rounding -- left changed", "    com.acme.PlainPassTest");
        }
    }

    @Test
    void switchedOffNothingIsReported() {
        assertThat(junit6.maven.log()).contains("Tests run:").doesNotContain("Isolation violations");
        assertThat(switchedOff.counts()).as(switchedOff.output()).containsEntry("found", 16);
        assertThat(switchedOff.output()).doesNotContain("Isolation violations");
    }

    /** The lines of the listener's report, as printed (a log prefix before the headline is cut off). */
    private static List<String> violations(String output) {
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int column = lines.get(i).indexOf("Isolation violations: ");
            if (column >= 0) {
                List<String> section = new ArrayList<>();
                for (String line : lines.subList(i, lines.size())) {
                    section.add(line.substring(Math.min(column, line.length())));
                    if (line.contains("Isolane compared the JVM globals")) {
                        break;
                    }
                }
                return section;
            }
        }
        return List.of();
    }

    private static void assertForked(Map<String, Long> records, String log) {
        assertThat(records.keySet()).as(log).containsAll(PLAIN).containsAll(ISOLATED);
        Set<Long> plainPids = new HashSet<>();
        PLAIN.forEach(name -> plainPids.add(records.get(name)));
        assertThat(plainPids).hasSize(1);
        Set<Long> isolatedPids = new HashSet<>();
        ISOLATED.forEach(name -> isolatedPids.add(records.get(name)));
        assertThat(isolatedPids).hasSize(ISOLATED.size()).doesNotContainAnyElementsOf(plainPids);
    }

    /** The same sources with {@code @IsolatedProcess} deleted: the baseline a run with the annotation must match. */
    private static void removeAnnotation(Path project) {
        try (Stream<Path> files = Files.walk(project.resolve("src/test/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> kept = Files.readAllLines(file).stream()
                        .filter(line -> !line.strip().equals("@IsolatedProcess")
                                && !line.strip().equals("import dev.isolane.junit.IsolatedProcess;"))
                        .toList();
                Files.write(file, kept);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One copy of the project: built and tested by plain Surefire, then run by the ConsoleLauncher. */
    private record Run(Path dir, BuildResult maven, Console console) {

        static Run of(Path dir, List<String> extraArgs) {
            List<String> args = new ArrayList<>(List.of("-Pconsole", "verify", "dependency:build-classpath",
                    "-Dmdep.outputFile=target/test.classpath", "-Dmdep.includeScope=test",
                    "-Dmaven.test.failure.ignore=true"));
            args.addAll(extraArgs);
            BuildResult maven = MavenBuild.project("plain-launch").args(args.toArray(String[]::new)).runIn(dir);
            return new Run(dir, maven, Console.run(dir, maven, "console-records", Map.of()));
        }

        String surefireTotals() {
            List<String> totals = maven.logLines("Tests run:").stream().filter(l -> !l.contains("Time elapsed"))
                    .toList();
            assertThat(totals).as(maven.log()).isNotEmpty();
            String last = totals.get(totals.size() - 1);
            return last.substring(last.indexOf("Tests run:")).strip();
        }

        Map<String, Long> records(String directory) {
            Map<String, Long> records = new LinkedHashMap<>();
            Path records1 = dir.resolve("target").resolve(directory);
            if (!Files.isDirectory(records1)) {
                return records;
            }
            try (Stream<Path> files = Files.list(records1)) {
                for (Path file : files.sorted().toList()) {
                    records.put(file.getFileName().toString().replaceFirst("\\.txt$", ""),
                            Long.parseLong(Files.readString(file).strip()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return records;
        }
    }

    /** JUnit's ConsoleLauncher on the project's test class path, as an IDE launches it. */
    private record Console(int exitCode, String output, long pid) {

        private static final Pattern COUNT = Pattern.compile("\\[\\s*(\\d+) tests (\\w+)\\s*]");

        /**
         * Run it, the tests recording their PIDs in {@code target/<records>}, with a directory of extra resources
         * (file name to text) first on the class path.
         */
        static Console run(Path dir, BuildResult maven, String records, Map<String, String> resources) {
            try {
                String dependencies = Files.readString(dir.resolve("target/test.classpath")).strip();
                Path extra = Files.createDirectories(dir.resolve("target/" + records + "-resources"));
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    Files.writeString(extra.resolve(resource.getKey()), resource.getValue());
                }
                String classpath = String.join(File.pathSeparator, extra.toString(),
                        dir.resolve("target/test-classes").toString(), dir.resolve("target/classes").toString(),
                        dependencies);
                Path java = Path.of(System.getProperty("java.home"), "bin", "java");
                Path log = dir.resolve(records + ".log");
                Process process = new ProcessBuilder(java.toString(),
                        "-Dit.records=" + dir.resolve("target/" + records), "-cp", classpath,
                        "org.junit.platform.console.ConsoleLauncher", "execute", "--disable-banner",
                        "--disable-ansi-colors", "--details=tree",
                        "--scan-classpath", dir.resolve("target/test-classes").toString())
                        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError("the ConsoleLauncher did not finish in 3 minutes:\n"
                            + Files.readString(log));
                }
                return new Console(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8),
                        process.pid());
            } catch (IOException e) {
                throw new UncheckedIOException("no class path from dependency:build-classpath; build log:\n"
                        + maven.log(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The summary's test counts: found, started, successful, failed, skipped, aborted. */
        Map<String, Integer> counts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Matcher matcher = COUNT.matcher(output);
            while (matcher.find()) {
                counts.put(matcher.group(2), Integer.parseInt(matcher.group(1)));
            }
            return counts;
        }
    }
}
