package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Everything one test class did in one run.
 *
 * @param className   binary name of the class
 * @param lane        shared or isolated
 * @param pid         the process the class ran in, or -1 when it never started
 * @param thread      the worker thread that ran it
 * @param startMillis when it started, in epoch milliseconds
 * @param endMillis   when it ended, in epoch milliseconds
 * @param outcome     what became of the class as a whole
 * @param tests       its tests, in the order they finished
 * @param stdout      what it printed to System.out
 * @param stderr      what it printed to System.err
 * @param detail      why the class ended abnormally (crash, timeout), or null
 * @param systemProperties the system properties of the JVM it ran in, as it finished, for the XML report; empty
 *                    when not asked for or not known (a crash)
 * @param jvmStartMillis for a class in an isolated JVM, when that JVM was launched, in epoch milliseconds; 0 when not
 *                    known or not isolated
 * @param jvmReadyMillis when that JVM had started and connected: from {@code jvmStartMillis} to here is its start-up,
 *                    not the class's time (a spare JVM started ahead of need then waited for the class); 0 when not
 *                    known or not isolated
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ClassResult(
        String className,
        Lane lane,
        long pid,
        String thread,
        long startMillis,
        long endMillis,
        ClassOutcome outcome,
        List<TestResult> tests,
        String stdout,
        String stderr,
        String detail,
        Map<String, String> systemProperties,
        long jvmStartMillis,
        long jvmReadyMillis) {

    public ClassResult {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(outcome, "outcome");
        tests = List.copyOf(tests);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        systemProperties = systemProperties == null ? Map.of() : Collections.unmodifiableMap(
                new TreeMap<>(systemProperties));
    }

    public ClassResult(String className, Lane lane, long pid, String thread, long startMillis, long endMillis,
            ClassOutcome outcome, List<TestResult> tests, String stdout, String stderr, String detail) {
        this(className, lane, pid, thread, startMillis, endMillis, outcome, tests, stdout, stderr, detail, Map.of());
    }

    public ClassResult(String className, Lane lane, long pid, String thread, long startMillis, long endMillis,
            ClassOutcome outcome, List<TestResult> tests, String stdout, String stderr, String detail,
            Map<String, String> systemProperties) {
        this(className, lane, pid, thread, startMillis, endMillis, outcome, tests, stdout, stderr, detail,
                systemProperties, 0, 0);
    }

    public long durationMillis() {
        return Math.max(0, endMillis - startMillis);
    }

    public Totals totals() {
        return Totals.of(tests);
    }

    /**
     * Derive a class's outcome from its tests: a class with any error is an error, with any failure failed, with only
     * skipped tests skipped.
     */
    public static ClassOutcome outcomeOf(List<TestResult> tests) {
        boolean anyError = false, anyFailure = false, allSkipped = !tests.isEmpty();
        for (TestResult test : tests) {
            anyError |= test.status() == TestStatus.ERROR;
            anyFailure |= test.status() == TestStatus.FAILED;
            allSkipped &= test.status() == TestStatus.SKIPPED;
        }
        if (anyError) {
            return ClassOutcome.ERROR;
        }
        if (anyFailure) {
            return ClassOutcome.FAILED;
        }
        return allSkipped ? ClassOutcome.SKIPPED : ClassOutcome.PASSED;
    }
}
