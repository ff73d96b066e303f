package dev.isolane.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.ReportOptions;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunHarness;
import dev.isolane.core.RunLog;
import dev.isolane.core.RunReport;
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

    @Test
    void withoutPrintSummaryOnlyProblemsAndTheFailuresShow() {
        List<String> lines = new java.util.ArrayList<>();
        RunLog log = RunHarness.recording(lines);
        TestResult failed = new TestResult("id", "fails()", "fails", "com.acme.BarTest", TestStatus.FAILED, 1, "boom",
                "java.lang.AssertionError", null, "", "");
        ClassResult passing = run(0, 10);
        ClassResult failing = new ClassResult("com.acme.BarTest", Lane.SHARED, 1, "t", 0, 10, ClassOutcome.FAILED,
                List.of(failed), "", "", null);
        RunConfig quiet = RunConfig.builder().workingDirectory(java.nio.file.Path.of("/p"))
                .reportOptions(new ReportOptions("", true, true, true, false)).build();

        ConsoleReport.classFinished(log, passing, false);
        ConsoleReport.classFinished(log, failing, false);
        ConsoleReport.summary(log, new RunReport(java.time.Instant.EPOCH, 1, 1, quiet, List.of(passing, failing),
                List.of(), List.of(), List.of()));

        assertThat(lines).containsExactly(
                "[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.010 s <<< FAILURE! -- in"
                        + " com.acme.BarTest [shared JVM pid 1, t]",
                "[ERROR] Failures:",
                "[ERROR]   BarTest.fails boom");

        lines.clear();
        ConsoleReport.classFinished(log, passing, true);
        assertThat(lines).singleElement().asString().startsWith("[INFO] Tests run: 0, Failures: 0");
    }

    private static ClassResult run(long start, long end) {
        return new ClassResult("c" + start, Lane.SHARED, 1, "t", start, end, ClassOutcome.PASSED, List.of(), "", "",
                null);
    }
}
