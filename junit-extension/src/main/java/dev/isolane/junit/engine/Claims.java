package dev.isolane.junit.engine;

import java.util.HashSet;
import java.util.Set;

/**
 * The classes the Isolane engine took over in the discovery running on this thread, so that {@link
 * IsolatedClassFilter} removes them, and only them, from the other engines. Discovery runs on the thread that asked
 * for it, and an Isolane worker runs several discoveries at once, hence a thread-local; {@link DiscoveryScope} clears
 * it around every discovery so nothing leaks into the next one.
 */
final class Claims {

    private static final ThreadLocal<Set<String>> CLAIMED = new ThreadLocal<>();

    private Claims() {}

    static void add(String className) {
        Set<String> claimed = CLAIMED.get();
        if (claimed == null) {
            claimed = new HashSet<>();
            CLAIMED.set(claimed);
        }
        claimed.add(className);
    }

    static boolean contains(String className) {
        Set<String> claimed = CLAIMED.get();
        return claimed != null && claimed.contains(className);
    }

    static boolean none() {
        Set<String> claimed = CLAIMED.get();
        return claimed == null || claimed.isEmpty();
    }

    static void clear() {
        CLAIMED.remove();
    }
}
