package dev.isolane.maven;

import dev.isolane.core.run.Verdict;
import dev.isolane.core.select.TestSelection;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the project's tests on Isolane: test classes share a JVM's thread pool, except those annotated
 * {@code @IsolatedProcess}, which get a fresh JVM each. Reports go where CI tools look for Surefire's. Its own
 * parameters take Surefire's user properties ({@code test}, {@code surefire.*}); the rest are every run goal's.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class TestMojo extends AbstractRunMojo {

    /**
     * Surefire's {@code -Dtest}: comma-separated class patterns, {@code !} to exclude, {@code #} for methods
     * ({@code FooTest#bar*}, {@code FooTest#a+b}, {@code !FooTest#slow}); replaces includes and excludes.
     */
    @Parameter(property = "test")
    String test;

    /** Where {@code TEST-*.xml} and {@code isolane-report.json} go. */
    @Parameter(property = "isolane.reportsDirectory", defaultValue = "${project.build.directory}/isolane-reports")
    File reportsDirectory;

    /** Timings, failures and learned violators; read by every run (order, {@code isolation=auto}), written by it. */
    @Parameter(property = "isolane.historyFile", defaultValue = "${project.basedir}/.isolane/history.json")
    File historyFile;

    /** Fail when {@code -Dtest} names no test that exists, as Surefire does. */
    @Parameter(property = "surefire.failIfNoSpecifiedTests", defaultValue = "true")
    boolean failIfNoSpecifiedTests;

    /** Rerun a failed test up to this many times, each time in a fresh JVM; a test passing on a rerun is a flake. */
    @Parameter(property = "surefire.rerunFailingTestsCount", defaultValue = "0")
    int rerunFailingTestsCount;

    /** After this many failed tests, skip the classes not started yet; 0 to run everything. */
    @Parameter(property = "surefire.skipAfterFailureCount", defaultValue = "0")
    int skipAfterFailureCount;

    /** Fail the build when this many tests or more were flaky (passed only on a rerun); 0 never fails on flakes. */
    @Parameter(property = "surefire.failOnFlakeCount", defaultValue = "0")
    int failOnFlakeCount;

    /**
     * The order classes start in: {@code alphabetical}, {@code reversealphabetical}, {@code random} (its seed is
     * printed), {@code hourly}, {@code failedfirst}, {@code balanced} or {@code filesystem}; unset, the longest first
     * by the history file.
     */
    @Parameter(property = "surefire.runOrder")
    String runOrder;

    /** The seed of {@code runOrder=random}, to run an order again; a new one each run when unset. */
    @Parameter(property = "surefire.runOrder.random.seed")
    Long runOrderRandomSeed;

    /** A file of include patterns, one a line ({@code #} starts a comment), appended to {@code includes}. */
    @Parameter(property = "surefire.includesFile")
    File includesFile;

    /** A file of exclude patterns, one a line ({@code #} starts a comment), appended to {@code excludes}. */
    @Parameter(property = "surefire.excludesFile")
    File excludesFile;

    /** A properties file of system properties for every worker JVM; {@code systemPropertyVariables} win over it. */
    @Parameter(property = "surefire.systemPropertiesFile")
    File systemPropertiesFile;

    /** Environment variables the worker JVMs do not inherit from Maven, by exact name. */
    @Parameter(property = "surefire.excludedEnvironmentVariables")
    List<String> excludedEnvironmentVariables;

    /** Ids of the only JUnit Platform engines that run, such as {@code junit-jupiter}; every engine when empty. */
    @Parameter(property = "surefire.includeJUnit5Engines")
    List<String> includeJUnit5Engines;

    /** Ids of JUnit Platform engines that do not run, such as {@code junit-vintage}. */
    @Parameter(property = "surefire.excludeJUnit5Engines")
    List<String> excludeJUnit5Engines;

    /** Print each class and the totals; when false only the classes that failed and the failures. */
    @Parameter(property = "surefire.printSummary", defaultValue = "true")
    boolean printSummary;

    /** Run a modular project's tests on the module path, patched into its main module, as Surefire does. */
    @Parameter(property = "surefire.useModulePath", defaultValue = "true")
    boolean useModulePath;

    /** Skip running the tests (they are still compiled). */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Report test failures but do not fail the build. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    @Override
    boolean skipsTests() {
        return skipTests;
    }

    @Override
    Goal goal() {
        return new Goal("surefire", TestSelection.DEFAULT_INCLUDES, test, reportsDirectory, historyFile,
                failIfNoSpecifiedTests, rerunFailingTestsCount, skipAfterFailureCount, runOrder, runOrderRandomSeed,
                includesFile, excludesFile, systemPropertiesFile, excludedEnvironmentVariables, includeJUnit5Engines,
                excludeJUnit5Engines, printSummary, useModulePath, new File(project.getBuild().getOutputDirectory())
                        .toPath());
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        decide(Verdict.ofRun(run(), rules(failOnFlakeCount, testFailureIgnore)));
    }
}
