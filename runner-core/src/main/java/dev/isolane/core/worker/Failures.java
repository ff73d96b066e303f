package dev.isolane.core.worker;

import dev.isolane.core.protocol.FailureInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/** Describes a throwable as plain values, causes and suppressed throwables included. */
final class Failures {

    /** Deeper chains are cut: no real failure nests this deep, and a reporting bug must not overflow the stack. */
    private static final int MAX_DEPTH = 32;

    private Failures() {}

    static FailureInfo describe(Throwable failure) {
        return describe(failure, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private static FailureInfo describe(Throwable failure, Set<Throwable> seen, int depth) {
        seen.add(failure);
        List<FailureInfo.Frame> frames = new ArrayList<>();
        for (StackTraceElement element : failure.getStackTrace()) {
            frames.add(FailureInfo.Frame.of(element));
        }
        Throwable cause = failure.getCause();
        FailureInfo causeInfo = cause == null || seen.contains(cause) || depth >= MAX_DEPTH
                ? null : describe(cause, seen, depth + 1);
        List<FailureInfo> suppressed = new ArrayList<>();
        for (Throwable each : failure.getSuppressed()) {
            if (!seen.contains(each) && depth < MAX_DEPTH) {
                suppressed.add(describe(each, seen, depth + 1));
            }
        }
        String expected = null;
        String actual = null;
        if (failure instanceof AssertionFailedError assertion) {
            // IDEs offer a diff of these; keep them as the strings JUnit shows.
            expected = assertion.isExpectedDefined() ? assertion.getExpected().getStringRepresentation() : null;
            actual = assertion.isActualDefined() ? assertion.getActual().getStringRepresentation() : null;
        }
        return new FailureInfo(failure.getClass().getName(), safeMessage(failure), safeText(failure), frames,
                causeInfo, suppressed, expected, actual);
    }

    /** A throwable's own methods are user code and may throw; that must not lose the failure. */
    private static String safeMessage(Throwable failure) {
        try {
            return failure.getMessage();
        } catch (RuntimeException e) {
            return "[getMessage() threw " + e + "]";
        }
    }

    private static String safeText(Throwable failure) {
        try {
            return failure.toString();
        } catch (RuntimeException e) {
            return failure.getClass().getName() + " [toString() threw " + e + "]";
        }
    }
}
