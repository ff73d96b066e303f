package dev.isolane.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    @Test
    void briefLinesPointAtTheTestsOwnFrame() {
        TestResult failed = new TestResult("id", "fails()", "fails", "com.acme.FooTest", TestStatus.FAILED, 1,
                "boom ==> expected: <1> but was: <2>\nmore", "org.opentest4j.AssertionFailedError",
                "org.opentest4j.AssertionFailedError: boom\n\tat org.junit.Assert.fail(Assert.java:89)\n"
                        + "\tat com.acme.FooTest.fails(FooTest.java:9)\n", "", "");
        assertThat(ConsoleReport.brief(failed)).isEqualTo("FooTest.fails:9 boom ==> expected: <1> but was: <2>");
    }

    @Test
    void classLevelEntriesAndControlCharacters() {
        TestResult crash = TestResult.classLevelError("com.acme.BarTest", "crashed", "died\u0000 here", "x", null);
        assertThat(ConsoleReport.brief(crash)).isEqualTo("BarTest died? here");
    }

    @Test
    void countsTheMostClassesThatRanAtOnce() {
        assertThat(ConsoleReport.maxOverlap(List.of(run(0, 10), run(5, 15), run(6, 7), run(20, 30)))).isEqualTo(3);
        assertThat(ConsoleReport.maxOverlap(List.of(run(0, 10), run(10, 20)))).isEqualTo(1);
    }

    private static ClassResult run(long start, long end) {
        return new ClassResult("c" + start, Lane.SHARED, 1, "t", start, end, ClassOutcome.PASSED, List.of(), "", "",
                null);
    }
}
