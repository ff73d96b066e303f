package dev.isolane.core.coordinator;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Surefire's {@code rerunFailingTestsCount} for one class: after the class ran through with failures, its failed
 * tests run again, each time in a fresh JVM, and the reruns are folded into the first results the way Surefire
 * reports them. A test that passes on a rerun becomes a flake (passed, with the failed runs attached); a test that
 * fails every time keeps its first failure, with the reruns attached.
 *
 * <p>Not to be confused with a retry ({@link ClassRun#retry}): a whole class run again because a JVM died beside it.
 */
final class FailedTestReruns {

    private final List<TestResult> rerunResults = new ArrayList<>();
    private int reruns;
    private boolean running;

    /** The failed tests to run again, while {@code maxReruns} allows; none for a class that did not run through. */
    List<String> wanted(ClassOutcome outcome, List<TestResult> tests, int maxReruns) {
        boolean ranThrough = outcome == ClassOutcome.FAILED || outcome == ClassOutcome.ERROR;
        return ranThrough && reruns < maxReruns ? failedIds(tests) : List.of();
    }

    void start() {
        reruns++;
        running = true;
        rerunResults.clear();
    }

    boolean isRunning() {
        return running;
    }

    void add(TestResult test) {
        rerunResults.add(test);
    }

    /** The rerun is over: the class's results with this rerun folded in. */
    List<TestResult> finish(List<TestResult> tests) {
        List<TestResult> merged = merge(tests, rerunResults);
        abandon();
        return merged;
    }

    /** The rerun's JVM died or timed out: its results are dropped and the class keeps the ones it had. */
    void abandon() {
        rerunResults.clear();
        running = false;
    }

    /**
     * Failed tests that can be selected again on their own; Isolane's own entries (a crash, say) cannot. A class that
     * failed after its tests passed (a broken {@code @AfterAll}) is not run again, as in Surefire 3.6: its tests
     * passed already, and running them again cannot mend a teardown that fails every time.
     */
    static List<String> failedIds(List<TestResult> tests) {
        return tests.stream()
                .filter(test -> isFailure(test.status()) && !test.uniqueId().startsWith("[isolane:")
                        && !TestResult.EXECUTION_ERROR.equals(test.reportName()))
                .map(TestResult::uniqueId)
                .toList();
    }

    static List<TestResult> merge(List<TestResult> tests, List<TestResult> rerun) {
        Map<String, TestResult> byId = rerun.stream()
                .collect(Collectors.toMap(TestResult::uniqueId, Function.identity(), (first, second) -> first));
        List<TestResult> merged = new ArrayList<>(tests.size());
        boolean rerunClean = !rerun.isEmpty() && rerun.stream().noneMatch(run -> isFailure(run.status()));
        for (TestResult test : tests) {
            TestResult again = byId.get(test.uniqueId());
            if (again == null && test.isClassLevel() && rerunClean) {
                // A class whose @BeforeAll failed reran whole; a container that succeeds reports nothing of itself.
                again = new TestResult(test.uniqueId(), test.displayName(), test.reportName(), test.reportClass(),
                        TestStatus.PASSED, 0, null, null, null, "", "");
            }
            if (again == null || !isFailure(test.status()) || again.status() == TestStatus.SKIPPED) {
                merged.add(test);
            } else if (isFailure(again.status())) {
                merged.add(test.withReruns(append(test.reruns(), again)));
            } else {
                List<TestResult> failedRuns = new ArrayList<>();
                failedRuns.add(test.withReruns(List.of()));
                failedRuns.addAll(test.reruns());
                merged.add(again.withReruns(failedRuns));
            }
        }
        return merged;
    }

    private static List<TestResult> append(List<TestResult> runs, TestResult run) {
        List<TestResult> all = new ArrayList<>(runs);
        all.add(run);
        return all;
    }

    private static boolean isFailure(TestStatus status) {
        return status == TestStatus.FAILED || status == TestStatus.ERROR;
    }
}
