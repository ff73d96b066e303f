package dev.isolane.core.run;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.isolane.core.FailOnViolation;
import dev.isolane.core.RunReport;
import dev.isolane.core.RunSummary;
import dev.isolane.core.violation.ViolationsReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a run's results mean for the build, decided as Surefire and Failsafe decide it. The {@code test} goal decides on
 * the {@link RunReport} ({@link #ofRun}); the {@code integration-test} goal fails only when there was nothing to run
 * ({@link #ofNoTests}) and leaves the rest to the {@code verify} goal, which decides on the summary file
 * ({@link #ofSummary}) after {@code post-integration-test} has run. A front end only maps the verdict: it logs
 * {@link #errors()}, and fails the build with {@link #failure()}, as an error of the build itself when {@link
 * #internal()}.
 *
 * @param errors   problems the build reports without failing ({@code testFailureIgnore})
 * @param failure  what the build fails with, or null when it passes
 * @param internal whether {@code failure} is not about test results but about the run itself
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Verdict(List<String> errors, String failure, boolean internal) {

    /**
     * The parameters that decide a build, with Surefire's meanings.
     *
     * @param failIfNoTests          fail when no test ran
     * @param failIfNoSpecifiedTests fail when the tests named by {@code test} ({@code -Dtest}, {@code -Dit.test}) are
     *                               not there
     * @param pluginName             {@code surefire} or {@code failsafe}: the prefix of the property that turns
     *                               {@code failIfNoSpecifiedTests} off, as the message names it
     * @param failOnFlakeCount       fail when this many tests or more were flaky; 0 never
     * @param testFailureIgnore      report failures without failing the build
     * @param failOnViolation        which isolation violations fail the build: none, any, or those confirmed by
     *                               replay
     * @param reportsDirectory       where the reports are, which the failure message points to
     */
    public record Rules(boolean failIfNoTests, boolean failIfNoSpecifiedTests, String pluginName, int failOnFlakeCount,
            boolean testFailureIgnore, FailOnViolation failOnViolation, Path reportsDirectory) {

        public Rules {
            failOnViolation = failOnViolation == null ? FailOnViolation.NEVER : failOnViolation;
        }

        /** {@code failOnViolation} as a switch: {@code true} fails on any violation. */
        public Rules(boolean failIfNoTests, boolean failIfNoSpecifiedTests, String pluginName, int failOnFlakeCount,
                boolean testFailureIgnore, boolean failOnViolation, Path reportsDirectory) {
            this(failIfNoTests, failIfNoSpecifiedTests, pluginName, failOnFlakeCount, testFailureIgnore,
                    FailOnViolation.of(failOnViolation), reportsDirectory);
        }
    }

    public static final Verdict PASS = new Verdict(List.of(), null, false);

    public Verdict {
        errors = List.copyOf(errors);
    }

    public boolean passes() {
        return failure == null;
    }

    /** The {@code test} goal's verdict: no tests, then flakes, failures and violations. */
    public static Verdict ofRun(RunReport report, Rules rules) {
        Verdict noTests = ofNoTests(report, rules);
        if (!noTests.passes() || report.classes().isEmpty()) {
            return noTests;
        }
        List<String> errors = new ArrayList<>();
        String failure = testFailure(RunSummary.of(report), rules, errors);
        if (failure == null) {
            failure = ViolationsReport.failureMessage(report, rules.failOnViolation());
        }
        return new Verdict(errors, failure, false);
    }

    /** Whether the build fails for want of tests: named ones that are not there, or none at all. */
    public static Verdict ofNoTests(RunReport report, Rules rules) {
        if (!report.classes().isEmpty()) {
            return PASS;
        }
        if (report.shardShare() != null && report.shardShare().suiteClasses() > 0) {
            // The suite has tests; the split gave them all to other shards, as it must when shards outnumber classes.
            return PASS;
        }
        if (report.config().selection().isSpecific() && rules.failIfNoSpecifiedTests()) {
            return new Verdict(List.of(), "No tests matching pattern \"" + report.config().selection().test()
                    + "\" were executed! (Set -D" + rules.pluginName() + ".failIfNoSpecifiedTests=false to ignore this"
                    + " error.)", false);
        }
        return rules.failIfNoTests() ? new Verdict(List.of(), NO_TESTS, false) : PASS;
    }

    /**
     * What the {@code integration-test} goal records for {@code verify}: the counts, and, with
     * {@code failOnViolation}, the violations as the run's failure (as Failsafe records a fork's failure there).
     */
    public static RunSummary summaryOf(RunReport report, Rules rules) {
        RunSummary summary = RunSummary.of(report);
        String violations = ViolationsReport.failureMessage(report, rules.failOnViolation());
        return violations != null ? summary.withFailure(violations) : summary;
    }

    /** The {@code verify} goal's verdict, on the summary of the integration tests. */
    public static Verdict ofSummary(RunSummary summary, Rules rules) {
        if (summary.completed() == 0 && summary.isErrorFree() && rules.failIfNoTests()) {
            return new Verdict(List.of(), NO_TESTS, false);
        }
        List<String> errors = new ArrayList<>();
        String failure = testFailure(summary, rules, errors);
        if (failure == null && summary.failure() != null) {
            // Something beside the tests: the build itself failed, as Failsafe says for a failed fork.
            return new Verdict(errors, summary.failure(), true);
        }
        return new Verdict(errors, failure, false);
    }

    private static final String NO_TESTS = "No tests were executed! (Set -DfailIfNoTests=false to ignore this error.)";

    /** Flakes past {@code failOnFlakeCount} when nothing failed, then failures; ignored ones become errors. */
    private static String testFailure(RunSummary summary, Rules rules, List<String> errors) {
        String message = null;
        if (summary.failures() > 0 || summary.errors() > 0) {
            message = "There are test failures.\n\nSee " + rules.reportsDirectory() + " for the individual test"
                    + " results (TEST-*.xml, and isolane-report.json for the whole run)."
                    + (summary.failure() != null ? "\n" + summary.failure() : "");
        } else if (rules.failOnFlakeCount() > 0 && summary.flakes() >= rules.failOnFlakeCount()) {
            int flakes = summary.flakes();
            message = "There " + (flakes == 1 ? "is 1 flaky test" : "are " + flakes + " flaky tests")
                    + ", and failOnFlakeCount is " + rules.failOnFlakeCount() + ". See " + rules.reportsDirectory()
                    + " for the runs of each (flakyFailure, flakyError in TEST-*.xml).";
        }
        if (message != null && rules.testFailureIgnore()) {
            errors.add(message);
            return null;
        }
        return message;
    }
}
