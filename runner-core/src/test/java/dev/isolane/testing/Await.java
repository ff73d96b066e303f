package dev.isolane.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits in tests: polls a condition until it holds or a deadline passes, then fails with what was awaited, for how
 * long, and what was last seen. Every test that waits for another thread or process uses this, never a loop of its
 * own. Deadlines are generous on purpose: they bound a hang on a loaded machine, they do not measure speed.
 *
 * <p>An exception the condition throws ends the wait at once; throw one to give up early (the process that was to
 * write the file has ended, say).
 */
public final class Await {

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 100;

    private Await() {}

    /**
     * Wait until {@code condition} holds.
     *
     * @param timeout   how long to wait before failing
     * @param what      what is awaited, for the failure message ("the worker JVMs to exit")
     * @throws AssertionError when the condition still does not hold after {@code timeout}
     */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        poll(timeout, what, condition::getAsBoolean, Boolean::booleanValue, false);
    }

    /**
     * Wait until {@code done} accepts what {@code probe} returns, and return that value.
     *
     * @throws AssertionError when no value was accepted after {@code timeout}; the message shows the last one
     */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe, Predicate<? super T> done) {
        return poll(timeout, what, probe, done, true);
    }

    private static <T> T poll(Duration timeout, String what, Supplier<T> probe, Predicate<? super T> done,
            boolean showLast) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                throw new AssertionError("Gave up after " + describe(timeout) + " waiting for " + what
                        + (showLast ? "; last seen: " + value : ""));
            }
            try {
                Thread.sleep(Math.min(pause, leftMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }
}
