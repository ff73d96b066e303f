package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.isolane.core.select.TestSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Everything one run needs, fixed before any JVM starts. The Maven plugin builds one from its parameters; tests and
 * other front ends build one with {@link #builder()}.
 *
 * @param testClassesDirectories where candidate test classes are scanned for: class directories, and the jars (or
 *                               directories) of dependencies to scan ({@code dependenciesToScan})
 * @param testClasspath          the user's test classpath, in order (test classes, classes, dependencies)
 * @param isolaneClasspath       what workers need on top: the runner-core jar, and a JUnit Platform launcher when the
 *                               user's classpath has none
 * @param selection              which classes are tests (includes, excludes, {@code -Dtest})
 * @param threads                test classes run at once in the shared JVM: fixed, or from the cores up as CPU allows
 * @param forks                  isolated JVMs alive at once
 * @param isolation              which classes get a JVM of their own
 * @param detection              how much isolation-violation detection to do
 * @param timeout                how long one class may run; zero for no limit
 * @param javaExecutable         the {@code java} launcher for workers
 * @param argLine                JVM options for every worker, written as on a command line; {@code
 *                               ${surefire.forkNumber}} here, in system properties, environment variables and the
 *                               working directory becomes the worker's number (see {@link #FORK_NUMBER})
 * @param systemProperties       system properties for every worker
 * @param environment            environment variables for every worker
 * @param workingDirectory       the workers' working directory, created when missing
 * @param reportsDirectory       where XML and JSON reports go
 * @param workDirectory          scratch space for worker logs and argument files
 * @param historyFile            timings and learned violators, read with {@code isolation=auto} and always written
 * @param rerunFailingTestsCount how many more times a failed test runs, each time in a fresh JVM; 0 for never
 * @param skipAfterFailureCount  after this many failed tests, classes not started yet are skipped; 0 for never
 * @param trimStackTrace         whether reports keep only the stack frames of the test class
 * @param redirectTestOutputToFile whether each class's output also goes to {@code <class>-output.txt}
 * @param enableAssertions       whether workers run with {@code -ea} (before the argLine, which may turn them off)
 * @param runOrder               the order classes start in
 * @param configurationParameters JUnit Platform configuration parameters for every discovery and run in the workers
 *                               (Surefire's {@code configurationParameters} in {@code properties})
 * @param excludedEnvironmentVariables names of environment variables the workers do not inherit from the build
 * @param reportOptions          what the reports and the console show
 * @param modulePatching         how to run the tests of a modular project on the module path; null for the class
 *                               path
 * @param keepChildProcesses     whether processes a class leaves running live on until the run ends, rather than
 *                               being ended with their class
 * @param shard                  this machine's part of a suite split over several machines; null to run it all
 * @param confirm                whether violations are replayed in fresh JVMs to confirm them, and within what budget
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunConfig(
        List<Path> testClassesDirectories,
        List<Path> testClasspath,
        List<Path> isolaneClasspath,
        TestSelection selection,
        SharedThreads threads,
        int forks,
        Isolation isolation,
        Detection detection,
        Duration timeout,
        Path javaExecutable,
        String argLine,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        Path workingDirectory,
        Path reportsDirectory,
        Path workDirectory,
        Path historyFile,
        int rerunFailingTestsCount,
        int skipAfterFailureCount,
        boolean trimStackTrace,
        boolean redirectTestOutputToFile,
        boolean enableAssertions,
        RunOrder runOrder,
        Map<String, String> configurationParameters,
        List<String> excludedEnvironmentVariables,
        ReportOptions reportOptions,
        ModulePatching modulePatching,
        boolean keepChildProcesses,
        Shard shard,
        ConfirmMode confirm) {

    /**
     * Surefire's placeholder for a JVM's number. The shared worker is number 1; isolated JVMs (and reruns) take the
     * numbers 2 to {@code forks + 1}, a number being reused only after the JVM that had it has exited, so JVMs alive
     * at the same time never share one.
     */
    public static final String FORK_NUMBER = "${surefire.forkNumber}";

    public RunConfig {
        testClassesDirectories = List.copyOf(testClassesDirectories);
        testClasspath = List.copyOf(testClasspath);
        isolaneClasspath = List.copyOf(isolaneClasspath);
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(threads, "threads");
        if (forks < 1) {
            throw new InvalidConfigException("forks", forks, "Use a whole number of at least 1, or 1C.");
        }
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(detection, "detection");
        timeout = timeout == null ? Duration.ZERO : timeout;
        if (timeout.isNegative()) {
            throw new InvalidConfigException("timeout", timeout.toSeconds(),
                    "Use a number of seconds of at least 0 (0 means no timeout).");
        }
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        argLine = argLine == null ? "" : argLine;
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        Objects.requireNonNull(workDirectory, "workDirectory");
        if (rerunFailingTestsCount < 0) {
            throw new InvalidConfigException("rerunFailingTestsCount", rerunFailingTestsCount,
                    "Use a whole number of at least 0 (0 means no reruns).");
        }
        if (skipAfterFailureCount < 0) {
            throw new InvalidConfigException("skipAfterFailureCount", skipAfterFailureCount,
                    "Use a whole number of at least 0 (0 means never skip).");
        }
        Objects.requireNonNull(runOrder, "runOrder");
        configurationParameters = Map.copyOf(configurationParameters);
        excludedEnvironmentVariables = List.copyOf(excludedEnvironmentVariables);
        for (String name : excludedEnvironmentVariables) {
            if (name.isBlank() || name.contains("=")) {
                throw new InvalidConfigException("excludedEnvironmentVariables", name,
                        "Name each variable exactly as it is set, such as ACME_TOKEN, without '=' or a value.");
            }
        }
        Objects.requireNonNull(reportOptions, "reportOptions");
        confirm = confirm == null ? ConfirmMode.AUTO : confirm;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RunConfig}, with the defaults of the Maven plugin. */
    public static final class Builder {
        private List<Path> testClassesDirectories = List.of();
        private List<Path> testClasspath = List.of();
        private List<Path> isolaneClasspath = List.of();
        private TestSelection selection = TestSelection.defaults();
        private SharedThreads threads = SharedThreads.auto(Runtime.getRuntime().availableProcessors());
        private int forks = Runtime.getRuntime().availableProcessors();
        private Isolation isolation = Isolation.ANNOTATED;
        private Detection detection = Detection.STATICS;
        private Duration timeout = Duration.ZERO;
        private Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        private String argLine = "";
        private Map<String, String> systemProperties = new LinkedHashMap<>();
        private Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory = Path.of("").toAbsolutePath();
        private Path reportsDirectory;
        private Path workDirectory;
        private Path historyFile;
        private int rerunFailingTestsCount;
        private int skipAfterFailureCount;
        private boolean trimStackTrace;
        private boolean redirectTestOutputToFile;
        private boolean enableAssertions = true;
        private RunOrder runOrder = RunOrder.DEFAULT;
        private Map<String, String> configurationParameters = new LinkedHashMap<>();
        private List<String> excludedEnvironmentVariables = new ArrayList<>();
        private ReportOptions reportOptions = ReportOptions.DEFAULTS;
        private ModulePatching modulePatching;
        private boolean keepChildProcesses;
        private Shard shard;
        private ConfirmMode confirm = ConfirmMode.AUTO;

        public Builder testClassesDirectories(List<Path> value) { testClassesDirectories = value; return this; }
        public Builder testClasspath(List<Path> value) { testClasspath = value; return this; }
        public Builder isolaneClasspath(List<Path> value) { isolaneClasspath = value; return this; }
        public Builder selection(TestSelection value) { selection = value; return this; }
        public Builder threads(int value) { threads = SharedThreads.fixed(value); return this; }
        public Builder threads(SharedThreads value) { threads = value; return this; }
        public Builder forks(int value) { forks = value; return this; }
        public Builder isolation(Isolation value) { isolation = value; return this; }
        public Builder detection(Detection value) { detection = value; return this; }
        public Builder timeout(Duration value) { timeout = value; return this; }
        public Builder javaExecutable(Path value) { javaExecutable = value; return this; }
        public Builder argLine(String value) { argLine = value; return this; }
        public Builder systemProperties(Map<String, String> value) { systemProperties = value; return this; }
        public Builder environment(Map<String, String> value) { environment = value; return this; }
        public Builder workingDirectory(Path value) { workingDirectory = value; return this; }
        public Builder reportsDirectory(Path value) { reportsDirectory = value; return this; }
        public Builder workDirectory(Path value) { workDirectory = value; return this; }
        public Builder historyFile(Path value) { historyFile = value; return this; }
        public Builder rerunFailingTestsCount(int value) { rerunFailingTestsCount = value; return this; }
        public Builder skipAfterFailureCount(int value) { skipAfterFailureCount = value; return this; }
        public Builder trimStackTrace(boolean value) { trimStackTrace = value; return this; }
        public Builder redirectTestOutputToFile(boolean value) { redirectTestOutputToFile = value; return this; }
        public Builder enableAssertions(boolean value) { enableAssertions = value; return this; }
        public Builder runOrder(RunOrder value) { runOrder = value; return this; }
        public Builder configurationParameters(Map<String, String> value) {
            configurationParameters = value;
            return this;
        }
        public Builder excludedEnvironmentVariables(List<String> value) {
            excludedEnvironmentVariables = value;
            return this;
        }
        public Builder reportOptions(ReportOptions value) { reportOptions = value; return this; }
        public Builder modulePatching(ModulePatching value) { modulePatching = value; return this; }
        public Builder keepChildProcesses(boolean value) { keepChildProcesses = value; return this; }
        public Builder shard(Shard value) { shard = value; return this; }
        public Builder confirm(ConfirmMode value) { confirm = value; return this; }

        public RunConfig build() {
            Path reports = reportsDirectory != null ? reportsDirectory : workingDirectory.resolve("isolane-reports");
            Path work = workDirectory != null ? workDirectory : reports.resolveSibling("isolane-work");
            return new RunConfig(testClassesDirectories, testClasspath, isolaneClasspath, selection, threads, forks,
                    isolation, detection, timeout, javaExecutable, argLine, systemProperties,
                    environment, workingDirectory, reports, work, historyFile, rerunFailingTestsCount,
                    skipAfterFailureCount, trimStackTrace, redirectTestOutputToFile, enableAssertions, runOrder,
                    configurationParameters, excludedEnvironmentVariables, reportOptions, modulePatching,
                    keepChildProcesses, shard, confirm);
        }
    }
}
