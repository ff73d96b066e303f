package dev.isolane.core.violation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Compares the reader class's tests run alone with the same tests run after the writer, each in a fresh JVM. Any test
 * whose outcome differs confirms the violation; the one named is, in this order of preference, a test that passed
 * alone and failed after the writer (the writer broke it), one that failed alone and passed after it (the reader
 * depended on the writer), then any other change (skipped, or run on one side only).
 */
@API(status = INTERNAL, since = "0.1")
public final class OutcomeComparison {

    /** Marks the message of a reader's test that fails alone and passes after the writer: it needs the writer. */
    static final String FAILS_ALONE = " (fails alone, ";

    private OutcomeComparison() {}

    public static Confirmation compare(String writer, String reader, List<TestResult> alone, List<TestResult> after) {
        Map<String, TestResult> aloneById = byId(alone);
        Map<String, TestResult> afterById = byId(after);
        for (TestResult test : after) {
            TestResult before = aloneById.get(test.uniqueId());
            if (failed(test) && (before == null || !failed(before))) {
                return Confirmation.confirmed(writer, reader, test.uniqueId(), message(test));
            }
        }
        for (TestResult test : alone) {
            TestResult later = afterById.get(test.uniqueId());
            if (failed(test) && (later == null || !failed(later))) {
                return Confirmation.confirmed(writer, reader, test.uniqueId(), message(test)
                        + FAILS_ALONE + (later == null ? "did not run" : later.status().label())
                        + " after " + simpleName(writer) + ")");
            }
        }
        for (TestResult test : after) {
            TestResult before = aloneById.get(test.uniqueId());
            if (before == null) {
                return Confirmation.confirmed(writer, reader, test.uniqueId(), "ran only after " + simpleName(writer));
            }
            if (before.status() != test.status()) {
                return Confirmation.confirmed(writer, reader, test.uniqueId(), before.status().label() + " alone, "
                        + test.status().label() + " after " + simpleName(writer)
                        + (test.message() == null ? "" : ": " + test.message()));
            }
        }
        for (TestResult test : alone) {
            if (!afterById.containsKey(test.uniqueId())) {
                return Confirmation.confirmed(writer, reader, test.uniqueId(), "did not run after "
                        + simpleName(writer));
            }
        }
        return Confirmation.notReproduced(writer, reader);
    }

    private static Map<String, TestResult> byId(List<TestResult> results) {
        Map<String, TestResult> map = new LinkedHashMap<>();
        results.forEach(result -> map.putIfAbsent(result.uniqueId(), result));
        return map;
    }

    private static boolean failed(TestResult test) {
        return test.status() == TestStatus.FAILED || test.status() == TestStatus.ERROR;
    }

    private static String message(TestResult test) {
        if (test.message() != null && !test.message().isBlank()) {
            return test.message().strip();
        }
        return test.failureType() != null ? test.failureType() : test.status().label();
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
