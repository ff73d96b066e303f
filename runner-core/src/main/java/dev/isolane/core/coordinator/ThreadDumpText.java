package dev.isolane.core.coordinator;

/** Reads the parts of a worker's thread dump that a report shows first. */
final class ThreadDumpText {

    private ThreadDumpText() {}

    /** One thread's entry (its header line and stack), or null when the dump has no thread of that name. */
    static String thread(String dump, String threadName) {
        if (dump == null || threadName == null || threadName.isEmpty()) {
            return null;
        }
        int start = dump.indexOf("\n\"" + threadName + "\" #");
        if (start < 0) {
            return null;
        }
        int end = dump.indexOf("\n\n", start + 1);
        return dump.substring(start + 1, end < 0 ? dump.length() : end).stripTrailing();
    }

    /** The deadlock section the worker puts at the top of a dump, or null when there is no deadlock. */
    static String deadlock(String dump) {
        if (dump == null) {
            return null;
        }
        int start = dump.indexOf("\nDeadlock: ");
        if (start < 0) {
            return null;
        }
        int end = dump.indexOf("\n\n", start + 1);
        return dump.substring(start + 1, end < 0 ? dump.length() : end).stripTrailing();
    }
}
