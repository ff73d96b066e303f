package dev.isolane.maven;

import dev.isolane.core.RunFailedException;
import dev.isolane.core.RunReport;
import dev.isolane.core.RunSummary;
import dev.isolane.core.run.FailsafeSummary;
import dev.isolane.core.run.Verdict;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the project's integration tests on Isolane, as Failsafe's goal of the same name: {@code *IT} classes, against
 * the project's jar, with {@code @IsolatedProcess} classes in JVMs of their own. A failing test does not fail the
 * build here, so that {@code post-integration-test} still runs; the results go to {@code failsafe-summary.xml}, on
 * which {@code isolane:verify} decides the build. Its own parameters take Failsafe's user properties
 * ({@code it.test}, {@code skipITs}, {@code failsafe.*}).
 */
@Mojo(name = "integration-test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class IntegrationTestMojo extends AbstractRunMojo {

    /** Failsafe's default includes. */
    static final List<String> DEFAULT_INCLUDES = List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");
    /** Set in the plugin context once a summary is written, so that later executions add to it, as in Failsafe. */
    static final String SUMMARY_WRITTEN = "isolane-failsafe-summary-written";

    /**
     * Failsafe's {@code -Dit.test}: comma-separated class patterns, {@code !} to exclude, {@code #} for methods;
     * replaces includes and excludes.
     */
    @Parameter(property = "it.test")
    String test;

    /** Where the integration tests' {@code TEST-*.xml}, {@code isolane-report.json} and summary go. */
    @Parameter(property = "isolane.itReportsDirectory",
            defaultValue = "${project.build.directory}/isolane-it-reports")
    File reportsDirectory;

    /** The summary for {@code isolane:verify}, in Failsafe's format. */
    @Parameter(defaultValue = "${project.build.directory}/isolane-it-reports/failsafe-summary.xml", required = true)
    File summaryFile;

    /**
     * The integration tests' timings, failures and learned violators; a file of their own, apart from the unit
     * tests' history.
     */
    @Parameter(property = "isolane.itHistoryFile", defaultValue = "${project.basedir}/.isolane/it-history.json")
    File historyFile;

    /** Fail when {@code -Dit.test} names no test that exists, as Failsafe does. */
    @Parameter(property = "failsafe.failIfNoSpecifiedTests", defaultValue = "true")
    boolean failIfNoSpecifiedTests;

    /** Rerun a failed test up to this many times, each time in a fresh JVM; a test passing on a rerun is a flake. */
    @Parameter(property = "failsafe.rerunFailingTestsCount", defaultValue = "0")
    int rerunFailingTestsCount;

    /** After this many failed tests, skip the classes not started yet; 0 to run everything. */
    @Parameter(property = "failsafe.skipAfterFailureCount", defaultValue = "0")
    int skipAfterFailureCount;

    /**
     * The order classes start in: {@code alphabetical}, {@code reversealphabetical}, {@code random} (its seed is
     * printed), {@code hourly}, {@code failedfirst}, {@code balanced} or {@code filesystem}; unset, the longest first
     * by the history file.
     */
    @Parameter(property = "failsafe.runOrder")
    String runOrder;

    /** The seed of {@code runOrder=random}, to run an order again; a new one each run when unset. */
    @Parameter(property = "failsafe.runOrder.random.seed")
    Long runOrderRandomSeed;

    /** A file of include patterns, one a line ({@code #} starts a comment), appended to {@code includes}. */
    @Parameter(property = "failsafe.includesFile")
    File includesFile;

    /** A file of exclude patterns, one a line ({@code #} starts a comment), appended to {@code excludes}. */
    @Parameter(property = "failsafe.excludesFile")
    File excludesFile;

    /** A properties file of system properties for every worker JVM; {@code systemPropertyVariables} win over it. */
    @Parameter(property = "failsafe.systemPropertiesFile")
    File systemPropertiesFile;

    /** Environment variables the worker JVMs do not inherit from Maven, by exact name. */
    @Parameter(property = "failsafe.excludedEnvironmentVariables")
    List<String> excludedEnvironmentVariables;

    /** Ids of the only JUnit Platform engines that run, such as {@code junit-jupiter}; every engine when empty. */
    @Parameter(property = "failsafe.includeJUnit5Engines")
    List<String> includeJUnit5Engines;

    /** Ids of JUnit Platform engines that do not run, such as {@code junit-vintage}. */
    @Parameter(property = "failsafe.excludeJUnit5Engines")
    List<String> excludeJUnit5Engines;

    /** Print each class and the totals; when false only the classes that failed and the failures. */
    @Parameter(property = "failsafe.printSummary", defaultValue = "true")
    boolean printSummary;

    /** Run a modular project's tests on the module path, patched into its main module, as Failsafe does. */
    @Parameter(property = "failsafe.useModulePath", defaultValue = "true")
    boolean useModulePath;

    /** Skip running the integration tests (they are still compiled). */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    /**
     * Skip running the integration tests; as in Failsafe 3.6, only when set in the configuration: {@code -DskipTests}
     * skips the unit tests alone.
     */
    @Parameter(defaultValue = "false")
    boolean skipTests;

    @Override
    boolean skipsTests() {
        return skipITs || skipTests;
    }

    @Override
    Goal goal() {
        return new Goal("failsafe", DEFAULT_INCLUDES, test, reportsDirectory, historyFile, failIfNoSpecifiedTests,
                rerunFailingTestsCount, skipAfterFailureCount, runOrder, runOrderRandomSeed, includesFile,
                excludesFile, systemPropertiesFile, excludedEnvironmentVariables, includeJUnit5Engines,
                excludeJUnit5Engines, printSummary, useModulePath, mainOutput());
    }

    /** The project's jar when {@code package} built one, as Failsafe tests it; the classes directory otherwise. */
    private Path mainOutput() {
        File artifact = project.getArtifact().getFile();
        return artifact != null && artifact.isFile() && artifact.getName().endsWith(".jar") ? artifact.toPath()
                : new File(project.getBuild().getOutputDirectory()).toPath();
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        RunReport report;
        try {
            report = run();
        } catch (RunFailedException e) {
            // As Failsafe records a fork that failed: verify fails the build with it, after post-integration-test.
            getLog().error(e.getMessage());
            writeSummary(RunSummary.NONE.withFailure(e.getMessage()));
            return;
        }
        // Test results wait for verify; only a run with nothing to run fails here, as in Failsafe.
        decide(Verdict.ofNoTests(report, rules(0, true)));
        writeSummary(Verdict.summaryOf(report, rules(0, true)));
    }

    /**
     * The first execution of a build replaces any summary an earlier build left; later ones add theirs to it. A run
     * with nothing to run writes none, as in Failsafe, so {@code verify} says there were no tests.
     */
    @SuppressWarnings("unchecked")
    private void writeSummary(RunSummary summary) throws MojoExecutionException {
        Map<Object, Object> context = getPluginContext();
        boolean addToExisting = context != null && context.containsKey(SUMMARY_WRITTEN);
        Path file = summaryFile.toPath();
        try {
            if (summary.isNoTestsRun()) {
                if (!addToExisting) {
                    Files.deleteIfExists(file);
                }
                return;
            }
            FailsafeSummary.write(file, summary, addToExisting);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the integration tests' summary " + file + ": " + e, e);
        }
        if (context != null) {
            context.put(SUMMARY_WRITTEN, Boolean.TRUE);
        }
    }
}
