package dev.isolane.maven;

import dev.isolane.core.Concurrency;
import dev.isolane.core.Detection;
import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.run.Isolane;
import dev.isolane.core.Isolation;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunFailedException;
import dev.isolane.core.RunReport;
import dev.isolane.core.SharedThreads;
import dev.isolane.core.Seconds;
import dev.isolane.core.select.TestSelection;
import dev.isolane.core.violation.ViolationsReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Runs the project's tests on Isolane: test classes share a JVM's thread pool, except those annotated
 * {@code @IsolatedProcess}, which get a fresh JVM each. Reports go where CI tools look for Surefire's.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class TestMojo extends AbstractMojo {

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

    /** Fail the build when any isolation violation is found. */
    @Parameter(property = "isolane.failOnViolation", defaultValue = "false")
    boolean failOnViolation;

    /** Seconds a test class may run before it is stopped and reported with a thread dump; 0 for no limit. */
    @Parameter(property = "isolane.timeout", defaultValue = "0")
    String timeout;

    /** Class file patterns of the test classes, as in Surefire; Surefire's defaults when empty. */
    @Parameter
    List<String> includes;

    /** Class file patterns to leave out, as in Surefire; nested classes when empty. */
    @Parameter
    List<String> excludes;

    /**
     * Surefire's {@code -Dtest}: comma-separated class patterns, {@code !} to exclude, {@code #} for methods
     * ({@code FooTest#bar*}, {@code FooTest#a+b}, {@code !FooTest#slow}); replaces includes and excludes.
     */
    @Parameter(property = "test")
    String test;

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

    /** Rerun a failed test up to this many times, each time in a fresh JVM; a test passing on a rerun is a flake. */
    @Parameter(property = "surefire.rerunFailingTestsCount", defaultValue = "0")
    int rerunFailingTestsCount;

    /** After this many failed tests, skip the classes not started yet; 0 to run everything. */
    @Parameter(property = "surefire.skipAfterFailureCount", defaultValue = "0")
    int skipAfterFailureCount;

    /** Fail the build when this many tests or more were flaky (passed only on a rerun); 0 never fails on flakes. */
    @Parameter(property = "surefire.failOnFlakeCount", defaultValue = "0")
    int failOnFlakeCount;

    /** Run the worker JVMs with assertions enabled ({@code -ea}), as Surefire does by default. */
    @Parameter(property = "enableAssertions", defaultValue = "true")
    boolean enableAssertions;

    /** Keep only the stack frames of the test class in reports. */
    @Parameter(property = "trimStackTrace", defaultValue = "false")
    boolean trimStackTrace;

    /** Also write each class's output to {@code <class>-output.txt} in the reports directory. */
    @Parameter(property = "maven.test.redirectTestOutputToFile", defaultValue = "false")
    boolean redirectTestOutputToFile;

    /** Fail when {@code -Dtest} names no test that exists, as Surefire does. */
    @Parameter(property = "surefire.failIfNoSpecifiedTests", defaultValue = "true")
    boolean failIfNoSpecifiedTests;

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

    /** System properties for every worker JVM. */
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

    /** Where {@code TEST-*.xml} and {@code isolane-report.json} go. */
    @Parameter(property = "isolane.reportsDirectory", defaultValue = "${project.build.directory}/isolane-reports")
    File reportsDirectory;

    /** Timings and learned violators; read with {@code isolation=auto}, written by every run. */
    @Parameter(property = "isolane.historyFile", defaultValue = "${project.basedir}/.isolane/history.json")
    File historyFile;

    /**
     * Keep processes a test class starts and leaves running (a server started on purpose) until the run ends; by
     * default each is ended, with a warning naming the class, when its class ends.
     */
    @Parameter(property = "isolane.keepChildProcesses", defaultValue = "false")
    boolean keepChildProcesses;

    /** Skip running the tests (they are still compiled). */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skip compiling and running the tests. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skip;

    /** Report test failures but do not fail the build. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

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

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("Tests are skipped.");
            return;
        }
        RunConfig config;
        try {
            config = config();
        } catch (InvalidConfigException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        RunReport report;
        try {
            report = Isolane.run(config, new MavenRunLog(getLog()));
        } catch (InvalidConfigException | RunFailedException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Isolane could not run the tests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while running the tests", e);
        }
        verdict(report);
    }

    private RunConfig config() throws MojoExecutionException {
        int cores = Runtime.getRuntime().availableProcessors();
        return RunConfig.builder()
                .testClassesDirectories(scanned())
                .testClasspath(WorkerClasspath.testClasspath(project))
                .isolaneClasspath(new WorkerClasspath(project, session, plugin, repositorySystem, getLog())
                        .isolaneClasspath())
                .selection(new TestSelection(includes, excludes, test, TestSelection.tagExpressions(groups),
                        TestSelection.tagExpressions(excludedGroups)))
                .threads(SharedThreads.parse("threads", threads, cores))
                .forks(Concurrency.parse("forks", forks, cores))
                .isolation(Isolation.parse("isolation", isolation))
                .detection(Detection.parse("detect", detect))
                .timeout(Seconds.parse("timeout", timeout))
                .javaExecutable(javaExecutable())
                .argLine(LateProperties.replace(argLine, lateProperties()))
                .systemProperties(workerSystemProperties())
                .environment(withoutNulls(environmentVariables))
                .workingDirectory(workingDirectory.toPath())
                .reportsDirectory(reportsDirectory.toPath())
                .workDirectory(buildDirectory.toPath().resolve("isolane-work"))
                .historyFile(historyFile.toPath())
                .rerunFailingTestsCount(rerunFailingTestsCount)
                .skipAfterFailureCount(skipAfterFailureCount)
                .trimStackTrace(trimStackTrace)
                .redirectTestOutputToFile(redirectTestOutputToFile)
                .enableAssertions(enableAssertions)
                .keepChildProcesses(keepChildProcesses)
                .build();
    }

    /**
     * The system properties Surefire's fork gets: {@code systemPropertyVariables}, then Maven's user properties, then
     * {@code basedir} and {@code localRepository}, which always win.
     */
    private Map<String, String> workerSystemProperties() {
        Map<String, String> properties = withoutNulls(systemPropertyVariables);
        if (promoteUserPropertiesToSystemProperties) {
            session.getUserProperties().forEach((key, value) -> properties.put(key.toString(), value.toString()));
        }
        properties.put("basedir", project.getBasedir().getAbsolutePath());
        properties.put("localRepository",
                session.getRepositorySession().getLocalRepository().getBasedir().getAbsolutePath());
        return properties;
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
        Properties properties = new Properties();
        properties.putAll(project.getProperties());
        properties.putAll(session.getUserProperties());
        return properties;
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

    private void verdict(RunReport report) throws MojoFailureException {
        if (report.classes().isEmpty()) {
            if (report.config().selection().isSpecific() && failIfNoSpecifiedTests) {
                throw new MojoFailureException("No tests matching pattern \"" + test + "\" were executed! (Set"
                        + " -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.)");
            }
            if (failIfNoTests) {
                throw new MojoFailureException("No tests were executed! (Set -DfailIfNoTests=false to ignore this"
                        + " error.)");
            }
            return;
        }
        int flakes = report.totals().flakes();
        if (failOnFlakeCount > 0 && flakes >= failOnFlakeCount && !report.hasFailures()) {
            String message = "There " + (flakes == 1 ? "is 1 flaky test" : "are " + flakes + " flaky tests")
                    + ", and failOnFlakeCount is " + failOnFlakeCount + ". See " + reportsDirectory + " for the runs"
                    + " of each (flakyFailure, flakyError in TEST-*.xml).";
            if (testFailureIgnore) {
                getLog().error(message);
            } else {
                throw new MojoFailureException(message);
            }
        }
        if (report.hasFailures()) {
            String message = "There are test failures.\n\nSee " + reportsDirectory + " for the individual test"
                    + " results (TEST-*.xml, and isolane-report.json for the whole run).";
            if (testFailureIgnore) {
                getLog().error(message);
            } else {
                throw new MojoFailureException(message);
            }
        }
        if (failOnViolation && !report.violations().isEmpty()) {
            throw new MojoFailureException(ViolationsReport.failureMessage(report));
        }
    }
}
