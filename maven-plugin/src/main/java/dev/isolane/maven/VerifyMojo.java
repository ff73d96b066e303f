package dev.isolane.maven;

import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.RunSummary;
import dev.isolane.core.run.FailsafeSummary;
import dev.isolane.core.run.Verdict;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the integration tests failed, as Failsafe's goal of the same name: it reads the
 * {@code failsafe-summary.xml} that {@code isolane:integration-test} wrote, after {@code post-integration-test} has
 * run. It reads Failsafe's own summaries too.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractIsolaneMojo {

    /** Where the integration tests' reports are, which a failure points to. */
    @Parameter(property = "isolane.itReportsDirectory",
            defaultValue = "${project.build.directory}/isolane-it-reports")
    File reportsDirectory;

    /** The summary {@code isolane:integration-test} wrote. */
    @Parameter(defaultValue = "${project.build.directory}/isolane-it-reports/failsafe-summary.xml", required = true)
    File summaryFile;

    /** More summaries to add up with {@code summaryFile}, such as those of other modules. */
    @Parameter
    File[] summaryFiles;

    /** Report integration test failures but do not fail the build. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    /** Fail when no integration test ran. */
    @Parameter(property = "failIfNoTests", defaultValue = "false")
    boolean failIfNoTests;

    /** Fail the build when this many tests or more were flaky (passed only on a rerun); 0 never fails on flakes. */
    @Parameter(property = "failsafe.failOnFlakeCount", defaultValue = "0")
    int failOnFlakeCount;

    /** Skip verifying the integration tests. */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    /** Skip verifying the integration tests; as in Failsafe 3.6, only when set in the configuration. */
    @Parameter(defaultValue = "false")
    boolean skipTests;

    @Override
    boolean skipsTests() {
        return skipITs || skipTests;
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (failOnFlakeCount < 0) {
            throw new MojoExecutionException(new InvalidConfigException("failOnFlakeCount", failOnFlakeCount,
                    "Use a whole number of at least 0 (0 never fails on flakes).").getMessage());
        }
        RunSummary summary = null;
        for (File file : summaries()) {
            if (file.isFile()) {
                RunSummary read = read(file);
                summary = summary == null ? read : summary.plus(read);
            }
        }
        if (summary == null) {
            getLog().info("No tests to run.");
            return;
        }
        decide(Verdict.ofSummary(summary, new Verdict.Rules(failIfNoTests, false, "failsafe", failOnFlakeCount,
                testFailureIgnore, false, reportsDirectory.toPath())));
    }

    private File[] summaries() {
        File[] all = new File[1 + (summaryFiles == null ? 0 : summaryFiles.length)];
        all[0] = summaryFile;
        if (summaryFiles != null) {
            System.arraycopy(summaryFiles, 0, all, 1, summaryFiles.length);
        }
        return all;
    }

    private static RunSummary read(File file) throws MojoExecutionException {
        try {
            return FailsafeSummary.read(file.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
