package dev.isolane.core.coordinator;

import dev.isolane.core.model.ClassResult;

/**
 * Surefire's {@code skipAfterFailureCount}: once this many tests have failed, the classes not started yet are
 * skipped; classes already running finish.
 */
final class FailureSkipping {

    private final int limit;
    private int failedTests;
    private boolean reached;

    /** @param limit failed tests after which to skip; 0 never skips */
    FailureSkipping(int limit) {
        this.limit = limit;
    }

    /** Count a finished class's failures; true once, for the class that brings the count to the limit. */
    boolean countReachesLimit(ClassResult result) {
        failedTests += result.totals().failed() + result.totals().errors();
        if (limit > 0 && failedTests >= limit && !reached) {
            reached = true;
            return true;
        }
        return false;
    }

    /** What each skipped class is reported with. */
    String reason() {
        return "Skipped: " + failedTests + " test" + (failedTests == 1 ? "" : "s") + " failed,"
                + " and skipAfterFailureCount is " + limit;
    }
}
