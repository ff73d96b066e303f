package dev.isolane.core.coordinator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a worker's thread dump that a report shows first. */
final class ThreadDumpText {

    private static final Pattern WAITER = Pattern.compile("(?m)^  \"(.*)\" waits for ");

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

    /**
     * The deadlock section, when the deadlock concerns this class: its own thread is in it, or a deadlocked thread
     * runs its code (a thread it started). Null otherwise.
     */
    static String deadlockOf(String dump, String className, String ownThread) {
        String deadlock = deadlock(dump);
        if (deadlock == null) {
            return null;
        }
        Matcher waiter = WAITER.matcher(deadlock);
        while (waiter.find()) {
            String name = waiter.group(1);
            String stanza = thread(dump, name);
            if (name.equals(ownThread) || (stanza != null
                    && (stanza.contains("\tat " + className + ".") || stanza.contains("\tat " + className + "$")))) {
                return deadlock;
            }
        }
        return null;
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
