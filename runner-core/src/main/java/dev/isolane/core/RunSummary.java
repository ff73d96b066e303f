package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.isolane.core.model.Totals;
import org.apiguardian.api.API;

/**
 * A run's counts as Failsafe's {@code failsafe-summary.xml} holds them, the record the {@code verify} goal decides the
 * build on, after {@code post-integration-test} has run.
 *
 * @param completed how many tests ran: every test, failed, errored and skipped ones too (Surefire's "Tests run")
 * @param errors    tests that errored; a class that crashed or timed out counts its own error here
 * @param failures  tests that failed
 * @param skipped   tests skipped
 * @param flakes    tests that passed only on a rerun
 * @param failure   why the run went wrong beside its tests' results, or null
 * @param timeout   whether the run as a whole timed out; Failsafe's fork timeout, never set by Isolane, whose
 *                  timeouts are per class and count as errors
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunSummary(int completed, int errors, int failures, int skipped, int flakes, String failure,
        boolean timeout) {

    /** Nothing ran. */
    public static final RunSummary NONE = new RunSummary(0, 0, 0, 0, 0, null, false);

    public RunSummary {
        if (completed < 0 || errors < 0 || failures < 0 || skipped < 0 || flakes < 0) {
            throw new IllegalArgumentException("negative count in " + completed + "/" + errors + "/" + failures + "/"
                    + skipped + "/" + flakes);
        }
        failure = failure == null || failure.isBlank() ? null : failure;
    }

    /** The counts of a run's tests. */
    public static RunSummary of(RunReport report) {
        Totals totals = report.totals();
        return new RunSummary(totals.tests(), totals.errors(), totals.failed(), totals.skipped(), totals.flakes(),
                null, false);
    }

    /** This summary, saying why the run went wrong beside its tests. */
    public RunSummary withFailure(String why) {
        return new RunSummary(completed, errors, failures, skipped, flakes, why, timeout);
    }

    /** Two runs' summaries as one, as Failsafe adds up executions: the counts summed, the first failure kept. */
    public RunSummary plus(RunSummary other) {
        return new RunSummary(completed + other.completed, errors + other.errors, failures + other.failures,
                skipped + other.skipped, flakes + other.flakes, failure != null ? failure : other.failure,
                timeout || other.timeout);
    }

    /** No test failed or errored, and nothing else went wrong. */
    public boolean isErrorFree() {
        return failures == 0 && errors == 0 && failure == null && !timeout;
    }

    /** Nothing ran and nothing went wrong: Failsafe writes no summary then. */
    public boolean isNoTestsRun() {
        return completed == 0 && errors == 0 && skipped == 0 && flakes == 0 && failure == null && !timeout;
    }
}
