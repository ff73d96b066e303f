package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureSkippingTest {

    @Test
    void theLimitIsReachedOnceByTheClassThatBringsTheFailuresToIt() {
        FailureSkipping skipping = new FailureSkipping(3);

        assertThat(skipping.countReachesLimit(result(TestStatus.FAILED, TestStatus.PASSED))).isFalse();
        assertThat(skipping.countReachesLimit(result(TestStatus.ERROR, TestStatus.FAILED))).isTrue();
        assertThat(skipping.countReachesLimit(result(TestStatus.FAILED))).as("only once").isFalse();
        assertThat(skipping.reason()).isEqualTo("Skipped: 4 tests failed, and skipAfterFailureCount is 3");
    }

    @Test
    void zeroNeverSkipsAndSkippedTestsDoNotCount() {
        FailureSkipping never = new FailureSkipping(0);
        FailureSkipping one = new FailureSkipping(1);

        assertThat(never.countReachesLimit(result(TestStatus.FAILED, TestStatus.FAILED))).isFalse();
        assertThat(one.countReachesLimit(result(TestStatus.SKIPPED, TestStatus.PASSED))).isFalse();
        assertThat(one.countReachesLimit(result(TestStatus.ERROR))).isTrue();
        assertThat(one.reason()).isEqualTo("Skipped: 1 test failed, and skipAfterFailureCount is 1");
    }

    private static ClassResult result(TestStatus... statuses) {
        List<TestResult> tests = java.util.stream.IntStream.range(0, statuses.length)
                .mapToObj(i -> new TestResult("[test:" + i + "]", "t" + i, "t" + i, "a.ATest", statuses[i], 1,
                        null, null, null, "", ""))
                .toList();
        return new ClassResult("a.ATest", Lane.SHARED, 1, "t", 0, 1, ClassResult.outcomeOf(tests), tests, "", "",
                null);
    }
}
