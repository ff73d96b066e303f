package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The result of one test, keyed by its JUnit Platform unique id.
 *
 * @param uniqueId       the JUnit unique id string, stable across JUnit versions
 * @param displayName    the name JUnit shows (for example a parameterized invocation's name)
 * @param reportName     the name Surefire's XML uses for the test case
 * @param reportClass    the class the test case belongs to in the XML ({@code Outer$Inner} for nested classes)
 * @param status         passed, failed, error or skipped
 * @param durationMillis how long the test ran
 * @param message        the failure message or the reason for skipping, or null
 * @param failureType    the class name of the throwable, or null
 * @param stackTrace     the full stack trace, or null
 * @param stdout         what the test printed to System.out on its own thread while it ran
 * @param stderr         what the test printed to System.err on its own thread while it ran
 * @param reruns         with {@code rerunFailingTestsCount}, the test's other runs, each in a fresh JVM: for a flaky
 *                       test (passed in the end) the runs that failed before; for a test that failed every time, the
 *                       reruns after this first run; empty when the test ran once
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestResult(
        String uniqueId,
        String displayName,
        String reportName,
        String reportClass,
        TestStatus status,
        long durationMillis,
        String message,
        String failureType,
        String stackTrace,
        String stdout,
        String stderr,
        List<TestResult> reruns) {

    /**
     * Surefire 3.6's test case name for a class whose own execution failed before any of its tests passed (a broken
     * {@code @BeforeAll} or {@code @BeforeClass}).
     */
    public static final String INITIALIZATION_ERROR = "initializationError";

    /**
     * Surefire 3.6's test case name for a class whose own execution failed after one of its tests passed (a broken
     * {@code @AfterAll}).
     */
    public static final String EXECUTION_ERROR = "executionError";

    public TestResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
        reruns = reruns == null ? List.of() : List.copyOf(reruns);
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(status, "status");
        if (durationMillis < 0) {
            throw new IllegalArgumentException("durationMillis must not be negative: " + durationMillis);
        }
    }

    public TestResult(String uniqueId, String displayName, String reportName, String reportClass, TestStatus status,
            long durationMillis, String message, String failureType, String stackTrace, String stdout,
            String stderr) {
        this(uniqueId, displayName, reportName, reportClass, status, durationMillis, message, failureType,
                stackTrace, stdout, stderr, List.of());
    }

    /**
     * Whether this entry stands for a class rather than one of its tests: a failed container
     * ({@link #INITIALIZATION_ERROR}, {@link #EXECUTION_ERROR}) or one of Isolane's own (empty name).
     */
    public boolean isClassLevel() {
        return reportName != null && (reportName.isEmpty() || reportName.equals(INITIALIZATION_ERROR)
                || reportName.equals(EXECUTION_ERROR));
    }

    /** Passed only on a rerun: Surefire calls it a flake. */
    public boolean isFlaky() {
        return status == TestStatus.PASSED && !reruns.isEmpty();
    }

    /** This result with its other runs attached. */
    public TestResult withReruns(List<TestResult> runs) {
        return new TestResult(uniqueId, displayName, reportName, reportClass, status, durationMillis, message,
                failureType, stackTrace, stdout, stderr, runs);
    }

    /** This result with another stack trace (trimmed, say). */
    public TestResult withStackTrace(String trace) {
        return new TestResult(uniqueId, displayName, reportName, reportClass, status, durationMillis, message,
                failureType, trace, stdout, stderr, reruns);
    }

    /** A result for the class itself rather than one of its tests: a crash, a timeout, a runner failure. */
    public static TestResult classLevelError(String className, String kind, String message, String failureType,
            String stackTrace) {
        return new TestResult("[isolane:" + kind + "]/[class:" + className + "]", className, "", className,
                TestStatus.ERROR, 0, message, failureType, stackTrace, "", "");
    }
}
