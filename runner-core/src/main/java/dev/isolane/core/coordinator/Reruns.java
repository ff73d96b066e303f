package dev.isolane.core.coordinator;

import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Folds the reruns of failed tests into their first results, the way Surefire reports them: a test that passes on a
 * rerun becomes a flake (passed, with the failed runs attached); a test that fails every time keeps its first failure,
 * with the reruns attached.
 */
final class Reruns {

    private Reruns() {}

    /** Failed tests that can be selected again on their own; Isolane's own entries (a crash, say) cannot. */
    static List<String> failedIds(List<TestResult> tests) {
        return tests.stream()
                .filter(test -> isFailure(test.status()) && !test.uniqueId().startsWith("[isolane:"))
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
            if (again == null && isContainer(test) && rerunClean) {
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

    /** A class-level entry (a failed {@code @BeforeAll}): Surefire's empty test name. */
    private static boolean isContainer(TestResult test) {
        return test.reportName() != null && test.reportName().isEmpty();
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
