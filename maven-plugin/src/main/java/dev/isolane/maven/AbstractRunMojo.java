package dev.isolane.maven;

import dev.isolane.core.Concurrency;
import dev.isolane.core.ConfirmMode;
import dev.isolane.core.Detection;
import dev.isolane.core.FailOnViolation;
import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.Isolation;
import dev.isolane.core.ModulePatching;
import dev.isolane.core.ReportOptions;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunOrder;
import dev.isolane.core.RunReport;
import dev.isolane.core.Seconds;
import dev.isolane.core.ShardSettings;
import dev.isolane.core.SharedThreads;
import dev.isolane.core.run.Isolane;
import dev.isolane.core.run.Verdict;
import dev.isolane.core.select.TestSelection;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * The goals that run tests, {@code test} and {@code integration-test}: the parameters they share (under the same
 * names and user properties, as Surefire's and Failsafe's are), and the run. Each goal declares the parameters whose
 * user properties or defaults are its own, hands them over as one {@link Goal}, and decides the build on the report.
 */
abstract class AbstractRunMojo extends AbstractIsolaneMojo {

    /**
     * Test classes run at once in the shared JVM: {@code auto} (one per core to start, more while the shared JVM's
     * measured CPU leaves cores idle and classes wait, up to 4 per core), a number, or a multiple of the CPU cores
     * such as {@code 1C}.
     */
    @Parameter(property = "isolane.threads", defaultValue = "auto")
    String threads;

    /** Isolated JVMs alive at once: a number, or a multiple of the CPU cores such as {@code 1C}. */
    @Parameter(property = "isolane.forks", defaultValue = "1C")
    String forks;

    /**
     * Which classes get a JVM of their own: {@code annotated} ({@code @IsolatedProcess}), {@code all}, {@code none},
     * or {@code auto} (annotated, plus classes the history file records as leaving shared state changed).
     */
    @Parameter(property = "isolane.isolation", defaultValue = "annotated")
    String isolation;

    /** Isolation-violation detection in the shared JVM: {@code off}, {@code globals} or {@code statics}. */
    @Parameter(property = "isolane.detect", defaultValue = "statics")
    String detect;

    /**
     * Run only this machine's share of the test classes when a suite is split over several CI machines: {@code i/n},
     * counted from 1 ({@code 1/4} to {@code 4/4}), balanced by the durations in the history file. When not set, the
     * CI's own variables decide: GitLab's {@code CI_NODE_INDEX}/{@code CI_NODE_TOTAL}, CircleCI's
     * {@code CIRCLE_NODE_INDEX}/{@code CIRCLE_NODE_TOTAL}, Buildkite's {@code BUILDKITE_PARALLEL_JOB}/{@code
     * BUILDKITE_PARALLEL_JOB_COUNT}, Bazel's {@code TEST_SHARD_INDEX}/{@code TEST_TOTAL_SHARDS}; {@code off}
     * ignores them and runs every class.
     */
    @Parameter(property = ShardSettings.PROPERTY)
    String shard;

    /**
     * Fail the build on isolation violations: {@code false}, {@code true} (any violation found), or
     * {@code confirmed} (only violations a replay confirmed: the writer changed its reader's test outcome).
     */
    @Parameter(property = "isolane.failOnViolation", defaultValue = "false")
    String failOnViolation;

    /**
     * Replay violations in fresh JVMs to confirm them (the reader alone, then the writer followed by the reader):
     * {@code auto} (after a run that found violations, most suspicious first, within a fifth of the run's time),
     * {@code all} (every violation with a reader, no time limit) or {@code off}.
     */
    @Parameter(property = "isolane.confirm", defaultValue = "auto")
    String confirm;

    /** Seconds a test class may run before it is stopped and reported with a thread dump; 0 for no limit. */
    @Parameter(property = "isolane.timeout", defaultValue = "0")
    String timeout;

    /**
     * Progress while classes run, {@code on} or {@code off}: a line at most every 10 s in batch mode and CI logs; on
     * an interactive terminal one status line redrawn in place about once a second.
     */
    @Parameter(property = "isolane.progress", defaultValue = "on")
    String progress;

    /**
     * Class file patterns of the test classes, as in Surefire and Failsafe; their default includes when empty. A
     * pattern may name methods too, {@code com/acme/FooIT#fast*}.
     */
    @Parameter
    List<String> includes;

    /** Class file patterns to leave out, as in Surefire; nested classes when empty. */
    @Parameter
    List<String> excludes;

    /**
     * Dependencies whose test classes run too, as in Surefire: {@code groupId[:artifactId[:type[:classifier][:version]]]}
     * with {@code *} wildcards, such as {@code org.acme:core:test-jar:tests}. Their classes are picked with the same
     * includes, excludes and {@code -Dtest} as the project's own.
     */
    @Parameter(property = "dependenciesToScan")
    List<String> dependenciesToScan;

    /** JUnit tag expressions (comma-separated) a test must match to run, as Surefire's {@code groups}. */
    @Parameter(property = "groups")
    String groups;

    /** JUnit tag expressions (comma-separated) that leave a test out, as Surefire's {@code excludedGroups}. */
    @Parameter(property = "excludedGroups")
    String excludedGroups;

    /** Run the worker JVMs with assertions enabled ({@code -ea}), as Surefire does by default. */
    @Parameter(property = "enableAssertions", defaultValue = "true")
    boolean enableAssertions;

    /**
     * Keep processes a test class starts and leaves running (a server started on purpose) until the run ends; by
     * default each is ended, with a warning naming the class, when its class ends.
     */
    @Parameter(property = "isolane.keepChildProcesses", defaultValue = "false")
    boolean keepChildProcesses;

    /** Keep only the stack frames of the test class in reports. */
    @Parameter(property = "trimStackTrace", defaultValue = "false")
    boolean trimStackTrace;

    /** Also write each class's output to {@code <class>-output.txt} in the reports directory. */
    @Parameter(property = "maven.test.redirectTestOutputToFile", defaultValue = "false")
    boolean redirectTestOutputToFile;

    /** Fail when there are no tests at all. */
    @Parameter(property = "failIfNoTests", defaultValue = "false")
    boolean failIfNoTests;

    /**
     * JVM options for every worker JVM; JaCoCo's {@code prepare-agent} sets it. {@code @{name}} takes the value the
     * property has when the tests start and {@code ${surefire.forkNumber}} the JVM's number (1 for the shared JVM, 2
     * and up for isolated ones), as in Surefire.
     */
    @Parameter(property = "argLine")
    String argLine;

    /** System properties for every worker JVM; they win over {@code systemPropertiesFile}'s. */
    @Parameter
    Map<String, String> systemPropertyVariables;

    /**
     * Pass Maven's user properties ({@code -Dname=value} on the command line) to the worker JVMs as system properties,
     * over {@code systemPropertyVariables}, as Surefire does.
     */
    @Parameter(defaultValue = "true")
    boolean promoteUserPropertiesToSystemProperties;

    /** Environment variables for every worker JVM. */
    @Parameter
    Map<String, String> environmentVariables;

    /** The worker JVMs' working directory, created when missing; may hold {@code ${surefire.forkNumber}}. */
    @Parameter(property = "basedir", defaultValue = "${basedir}")
    File workingDirectory;

    /** The {@code java} executable for worker JVMs; the one running Maven when not set. */
    @Parameter(property = "jvm")
    String jvm;

    /**
     * JUnit Platform configuration parameters, as Surefire 3.6 takes them: in properties format in a
     * {@code configurationParameters} entry, such as {@code junit.jupiter.execution.parallel.enabled = true}.
     */
    @Parameter
    Properties properties;

    /** Paths (jars or class directories) added at the end of the test class path; each may be a comma-separated list. */
    @Parameter(property = "maven.test.additionalClasspath")
    List<String> additionalClasspathElements;

    /**
     * Dependencies left off the test class path: {@code groupId:artifactId[:type[:classifier][:version]]}, {@code *}
     * anywhere. Their own dependencies stay.
     */
    @Parameter(property = "maven.test.dependency.excludes")
    List<String> classpathDependencyExcludes;

    /**
     * A scope filter whose dependencies are left off the test class path: {@code compile} (system, provided and
     * compile), {@code runtime} (compile and runtime), {@code compile+runtime}, {@code runtime+system} or {@code test}.
     */
    @Parameter
    String classpathDependencyScopeExclude;

    /**
     * Added to report file names ({@code TEST-<class>-<suffix>.xml}) and, in parentheses, to the class names inside
     * the XML, to tell the reports of several executions apart.
     */
    @Parameter(property = "surefire.reportNameSuffix", defaultValue = "")
    String reportNameSuffix;

    /** Write no {@code TEST-*.xml}; {@code isolane-report.json} is still written. */
    @Parameter(property = "disableXmlReport", defaultValue = "false")
    boolean disableXmlReport;

    /** Keep a passing test's output in its {@code system-out} and {@code system-err} XML elements. */
    @Parameter(property = "enableOutErrElements", defaultValue = "true")
    boolean enableOutErrElements;

    /**
     * Write the worker JVM's system properties into every class's XML; when false, only into the XML of classes with
     * a test that did not pass.
     */
    @Parameter(property = "enablePropertiesElement", defaultValue = "true")
    boolean enablePropertiesElement;

    @Parameter(defaultValue = "${project.build.testOutputDirectory}", readonly = true, required = true)
    File testClassesDirectory;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Component
    RepositorySystem repositorySystem;

    /**
     * The parameters whose user properties or defaults differ between the goals, as Surefire's and Failsafe's do.
     *
     * @param pluginName      {@code surefire} or {@code failsafe}: the prefix of the goal's user properties
     * @param defaultIncludes the class file patterns when neither {@code includes} nor {@code includesFile} gives any
     * @param mainOutput      the main code the tests run against: the classes directory, or the project's jar
     */
    record Goal(String pluginName, List<String> defaultIncludes, String test, File reportsDirectory, File historyFile,
            boolean failIfNoSpecifiedTests, int rerunFailingTestsCount, int skipAfterFailureCount, String runOrder,
            Long runOrderRandomSeed, File includesFile, File excludesFile, File systemPropertiesFile,
            List<String> excludedEnvironmentVariables, List<String> includeJUnit5Engines,
            List<String> excludeJUnit5Engines, boolean printSummary, boolean useModulePath, Path mainOutput) {}

    abstract Goal goal();

    /**
     * Run the tests as configured; a configuration Isolane cannot use stops the build before any JVM starts.
     *
     * @throws dev.isolane.core.RunFailedException when no test could run
     */
    final RunReport run() throws MojoExecutionException {
        Goal goal = goal();
        RunConfig config;
        try {
            config = config(goal);
            // A bad value stops the build before any JVM starts, as every other parameter's does.
            if (FailOnViolation.parse("failOnViolation", failOnViolation) == FailOnViolation.CONFIRMED
                    && config.confirm() == ConfirmMode.OFF) {
                throw new InvalidConfigException("failOnViolation", failOnViolation, "It fails the build only on"
                        + " violations a replay confirmed, and confirm=off replays none: set confirm to auto or all,"
                        + " or failOnViolation to true.");
            }
        } catch (InvalidConfigException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        String replay = config.runOrder().replayHint(goal.pluginName() + ".runOrder.random.seed");
        if (!replay.isEmpty()) {
            getLog().info(replay);
        }
        try {
            ShardSettings.acknowledge(config.shard(), System.getenv());
            return Isolane.run(config, new MavenRunLog(getLog()));
        } catch (InvalidConfigException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Isolane could not run the tests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while running the tests", e);
        }
    }

    /** The verdict's parameters that every run goal has; the verify goal holds the rest for integration tests. */
    final Verdict.Rules rules(int failOnFlakeCount, boolean testFailureIgnore) {
        Goal goal = goal();
        return new Verdict.Rules(failIfNoTests, goal.failIfNoSpecifiedTests(), goal.pluginName(), failOnFlakeCount,
                testFailureIgnore, FailOnViolation.parse("failOnViolation", failOnViolation),
                goal.reportsDirectory().toPath());
    }

    private RunConfig config(Goal goal) throws MojoExecutionException {
        int cores = Runtime.getRuntime().availableProcessors();
        return RunConfig.builder()
                .testClassesDirectories(scanned())
                .testClasspath(testClasspath(goal))
                .isolaneClasspath(new WorkerClasspath(project, session, plugin, repositorySystem, getLog())
                        .isolaneClasspath())
                .selection(selection(goal))
                .threads(SharedThreads.parse("threads", threads, cores))
                .forks(Concurrency.parse("forks", forks, cores))
                .isolation(Isolation.parse("isolation", isolation))
                .detection(Detection.parse("detect", detect))
                .confirm(ConfirmMode.parse("confirm", confirm))
                .timeout(Seconds.parse("timeout", timeout))
                .javaExecutable(javaExecutable())
                .argLine(LateProperties.replace(argLine, lateProperties()))
                .systemProperties(systemProperties(goal))
                .environment(withoutNulls(environmentVariables))
                .workingDirectory(workingDirectory.toPath())
                .reportsDirectory(goal.reportsDirectory().toPath())
                .workDirectory(buildDirectory.toPath().resolve("isolane-work"))
                .historyFile(goal.historyFile().toPath())
                .rerunFailingTestsCount(goal.rerunFailingTestsCount())
                .skipAfterFailureCount(goal.skipAfterFailureCount())
                .trimStackTrace(trimStackTrace)
                .redirectTestOutputToFile(redirectTestOutputToFile)
                .enableAssertions(enableAssertions)
                .keepChildProcesses(keepChildProcesses)
                .runOrder(RunOrder.parse("runOrder", goal.runOrder(), goal.runOrderRandomSeed()))
                .configurationParameters(configurationParameters())
                .excludedEnvironmentVariables(listed(goal.excludedEnvironmentVariables()))
                .reportOptions(new ReportOptions(reportNameSuffix, !disableXmlReport, enableOutErrElements,
                        enablePropertiesElement, goal.printSummary(), ReportOptions.switchedOn("progress", progress),
                        MavenCommandLine.of(session), InteractiveTerminal.detect(session, getLog())))
                .modulePatching(goal.useModulePath()
                        ? new ModulePatching(goal.mainOutput(), testClassesDirectory.toPath()) : null)
                .shard(ShardSettings.resolve(shard, System.getenv()).orElse(null))
                .build();
    }

    /** Includes and excludes with their files' patterns appended, as Surefire appends them; then tags and engines. */
    private TestSelection selection(Goal goal) {
        List<String> included = new ArrayList<>(listed(includes));
        included.addAll(SurefireValues.patterns("includesFile", goal.includesFile()));
        List<String> excluded = new ArrayList<>(listed(excludes));
        excluded.addAll(SurefireValues.patterns("excludesFile", goal.excludesFile()));
        return new TestSelection(included.isEmpty() ? goal.defaultIncludes() : included, excluded, goal.test(),
                TestSelection.tagExpressions(groups), TestSelection.tagExpressions(excludedGroups),
                listed(goal.includeJUnit5Engines()), listed(goal.excludeJUnit5Engines()));
    }

    /** The project's test class path as Surefire changes it (excluded and additional elements, the main output). */
    private List<Path> testClasspath(Goal goal) throws MojoExecutionException {
        TestClasspath classpath = new TestClasspath(classpathDependencyExcludes, classpathDependencyScopeExclude,
                additionalClasspathElements);
        classpath.excludedOf(project.getArtifacts()).forEach(id -> getLog().info("Leaving " + id + " off the test"
                + " class path (classpathDependencyExcludes, classpathDependencyScopeExclude)"));
        try {
            return classpath.apply(project.getTestClasspathElements(), project.getBuild().getOutputDirectory(),
                    goal.mainOutput(), project.getArtifacts());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The test classpath is not resolved: " + e.getMessage(), e);
        }
    }

    /**
     * The system properties Surefire's fork gets: {@code systemPropertiesFile}'s, then {@code systemPropertyVariables},
     * then Maven's user properties, then {@code basedir} and {@code localRepository}, each winning over the ones before.
     */
    private Map<String, String> systemProperties(Goal goal) {
        Map<String, String> properties = SurefireValues.properties("systemPropertiesFile",
                goal.systemPropertiesFile());
        properties.putAll(withoutNulls(systemPropertyVariables));
        if (promoteUserPropertiesToSystemProperties) {
            session.getUserProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        }
        properties.put("basedir", project.getBasedir().getAbsolutePath());
        properties.put("localRepository",
                session.getRepositorySession().getLocalRepository().getBasedir().getAbsolutePath());
        return properties;
    }

    private Map<String, String> configurationParameters() {
        List<String> ignored = new ArrayList<>();
        Map<String, String> parameters = SurefireValues.configurationParameters(properties, ignored);
        ignored.forEach(key -> getLog().warn("properties: '" + key + "' is not used; JUnit configuration parameters"
                + " go in <" + SurefireValues.CONFIGURATION_PARAMETERS + ">, one key = value a line"));
        return parameters;
    }

    /** Maven turns an empty element, or a whole value that names an undefined property, into null: leave those out. */
    static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> clean = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((key, value) -> {
                if (key != null && value != null) {
                    clean.put(key, value);
                }
            });
        }
        return clean;
    }

    /** A list parameter's entries, each possibly comma-separated (as a user property gives them), trimmed. */
    static List<String> listed(List<String> values) {
        List<String> entries = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    entries.addAll(TestSelection.tagExpressions(value));
                }
            }
        }
        return entries;
    }

    /** The project's test classes, then the dependencies to scan. */
    private List<Path> scanned() {
        List<Path> scanned = new ArrayList<>();
        scanned.add(testClassesDirectory.toPath());
        DependenciesToScan.Selection dependencies = DependenciesToScan.select(dependenciesToScan, project.getArtifacts());
        dependencies.unmatched().forEach(pattern -> getLog().warn("dependenciesToScan: '" + pattern + "' matches no"
                + " dependency of " + project.getId() + "; declare the dependency (a test-jar: <type>test-jar</type>)"));
        dependencies.files().forEach(file -> getLog().info("Scanning " + file.getFileName() + " for test classes"
                + " (dependenciesToScan)"));
        scanned.addAll(dependencies.files());
        return scanned;
    }

    /** What {@code @{name}} sees: the project's properties as they are now (JaCoCo's among them), then -D values. */
    private Properties lateProperties() {
        Properties late = new Properties();
        late.putAll(project.getProperties());
        late.putAll(session.getUserProperties());
        return late;
    }

    private Path javaExecutable() {
        if (jvm == null || jvm.isBlank()) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        File file = new File(jvm);
        if (!file.canExecute()) {
            throw new InvalidConfigException("jvm", jvm, "It must be an executable java launcher, such as"
                    + " /usr/lib/jvm/java-17/bin/java; leave it unset to use the JVM running Maven.");
        }
        return file.toPath();
    }
}
