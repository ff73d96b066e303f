package dev.isolane.core;

import dev.isolane.core.run.Isolane;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.select.TestSelection;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs fixture classes through the real coordinator and real worker JVMs, without Maven: the workers get this test
 * JVM's own classpath (runner-core's classes, Gson, ASM, JUnit, the fixtures).
 */
public final class RunHarness {

    private RunHarness() {}

    /** The classpath of the JVM running the tests, as Surefire hands it to its fork. */
    public static List<Path> testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** A configuration that runs exactly the named classes (with -Dtest semantics) from this module's test classes. */
    public static RunConfig.Builder config(Path workDirectory, String... classNames) {
        List<String> patterns = new ArrayList<>();
        for (String name : classNames) {
            patterns.add(name.replace('.', '/'));
        }
        return RunConfig.builder()
                .testClassesDirectories(List.of(Path.of("target/test-classes").toAbsolutePath()))
                .testClasspath(testClasspath())
                .selection(new TestSelection(List.of(), List.of(), String.join(",", patterns)))
                .threads(2)
                .forks(2)
                .detection(Detection.STATICS)
                .workingDirectory(workDirectory)
                .reportsDirectory(workDirectory.resolve("reports"))
                .workDirectory(workDirectory.resolve("work"))
                .historyFile(workDirectory.resolve("history.json"));
    }

    public static RunReport run(Path workDirectory, UnaryOperator<RunConfig.Builder> tweak, String... classNames)
            throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        return Isolane.run(tweak.apply(config(workDirectory, classNames)).build(), QUIET);
    }

    /**
     * Fixture runs log like real runs ("Tests run: 12, Failures: 1, ..."), which would mislead anyone, or any CI log
     * scraper, reading this module's build output; they are shown only with -Disolane.test.verbose.
     */
    private static final RunLog QUIET = new RunLog() {
        private final boolean verbose = Boolean.getBoolean("isolane.test.verbose");

        @Override
        public void info(String line) {
            print("INFO", line);
        }

        @Override
        public void warn(String line) {
            print("WARN", line);
        }

        @Override
        public void error(String line) {
            print("ERROR", line);
        }

        private void print(String level, String line) {
            if (verbose) {
                System.out.println("  [fixture run " + level + "] " + line);
            }
        }
    };

    /** A log that keeps every line, marked as Maven marks them ({@code [INFO] }, {@code [WARNING] }, ...). */
    public static RunLog recording(List<String> lines) {
        return new RunLog() {
            @Override
            public void info(String line) {
                lines.add("[INFO] " + line);
            }

            @Override
            public void warn(String line) {
                lines.add("[WARNING] " + line);
            }

            @Override
            public void error(String line) {
                lines.add("[ERROR] " + line);
            }
        };
    }

    public static ClassResult result(RunReport report, String className) {
        return report.classes().stream().filter(c -> c.className().equals(className)).findFirst()
                .orElseThrow(() -> new AssertionError(className + " not in " + report.classes()));
    }
}
