package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedTestRerunsTest {

    @Test
    void aTestPassingOnARerunBecomesAFlakeCarryingItsFailedRuns() {
        List<TestResult> first = List.of(result("a", TestStatus.FAILED, "one"), result("b", TestStatus.PASSED, null));
        List<TestResult> merged = FailedTestReruns.merge(first, List.of(result("a", TestStatus.ERROR, "two")));
        merged = FailedTestReruns.merge(merged, List.of(result("a", TestStatus.PASSED, null)));

        TestResult a = merged.get(0);
        assertThat(a.status()).isEqualTo(TestStatus.PASSED);
        assertThat(a.isFlaky()).isTrue();
        assertThat(a.reruns()).extracting(TestResult::message).containsExactly("one", "two");
        assertThat(merged.get(1).reruns()).isEmpty();
    }

    @Test
    void aTestFailingEveryTimeKeepsItsFirstFailure() {
        List<TestResult> merged = FailedTestReruns.merge(List.of(result("a", TestStatus.FAILED, "one")),
                List.of(result("a", TestStatus.FAILED, "two"), result("other", TestStatus.PASSED, null)));
        assertThat(merged).singleElement().satisfies(a -> {
            assertThat(a.message()).isEqualTo("one");
            assertThat(a.reruns()).extracting(TestResult::message).containsExactly("two");
            assertThat(a.isFlaky()).isFalse();
        });
    }

    @Test
    void aClassWhoseSetupFailedIsAFlakeWhenItsRerunPasses() {
        TestResult setup = new TestResult("[engine:x]/[class:A]", "A", TestResult.INITIALIZATION_ERROR,
                "com.acme.ATest", TestStatus.ERROR, 1,
                "setup broke", "E", "trace", "", "");
        List<TestResult> merged = FailedTestReruns.merge(List.of(setup), List.of(result("m", TestStatus.PASSED, null)));
        assertThat(merged).singleElement().satisfies(a -> {
            assertThat(a.isFlaky()).isTrue();
            assertThat(a.reruns()).extracting(TestResult::message).containsExactly("setup broke");
        });
        assertThat(FailedTestReruns.merge(List.of(setup), List.of(result("m", TestStatus.FAILED, "x"))))
                .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(TestStatus.ERROR));
    }

    @Test
    void onlyRealTestsCanBeRerun() {
        List<TestResult> tests = List.of(result("[engine:x]/[class:A]", TestStatus.ERROR, "e"),
                TestResult.classLevelError("A", "crashed", "gone", "dev.isolane.WorkerCrash", "gone"),
                result("ok", TestStatus.PASSED, null), result("skip", TestStatus.SKIPPED, null));
        assertThat(FailedTestReruns.failedIds(tests)).containsExactly("[engine:x]/[class:A]");
    }

    @Test
    void aClassWhoseTeardownFailedAfterItsTestsPassedIsNotRerunAsInSurefire36() {
        TestResult teardown = new TestResult("[engine:x]/[class:A]", "A", TestResult.EXECUTION_ERROR,
                "com.acme.ATest", TestStatus.ERROR, 1, "teardown broke", "E", "trace", "", "");
        List<TestResult> tests = List.of(result("ok", TestStatus.PASSED, null), teardown,
                result("bad", TestStatus.FAILED, "x"));
        assertThat(FailedTestReruns.failedIds(tests)).containsExactly("bad");
    }

    private static TestResult result(String id, TestStatus status, String message) {
        return new TestResult(id, id, id, "com.acme.ATest", status, 1, message, message == null ? null : "E",
                message, "", "");
    }
}
