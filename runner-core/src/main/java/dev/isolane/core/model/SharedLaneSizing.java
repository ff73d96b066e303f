package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * How many classes the shared JVM ran at once over a run, and why: with {@code threads=auto} the count starts at the
 * cores and grows while the shared JVM's measured CPU leaves cores idle and classes wait.
 *
 * @param mode         {@code auto} or {@code fixed}
 * @param start        threads at the start
 * @param cap          the most threads {@code auto} may reach; {@code start} when fixed
 * @param peak         the most threads the run had
 * @param peakAtMillis when the peak was reached, milliseconds after the run started; 0 when it is the start
 * @param steps        each change of the count, in order
 * @param heldAtMillis when {@code auto} stopped adding threads because those it added last brought the shared JVM no
 *                     more CPU (the limit is elsewhere: the collector, memory, a lock); -1 when it never did
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SharedLaneSizing(String mode, int start, int cap, int peak, long peakAtMillis, List<Step> steps,
        long heldAtMillis) {

    public SharedLaneSizing {
        steps = List.copyOf(steps);
    }

    /**
     * One change of the thread count.
     *
     * @param atMillis    milliseconds after the run started
     * @param threads     the new count
     * @param sharedCpu   the shared JVM's CPU use over the last interval, in cores
     * @param machineLoad the whole machine's CPU use over the last interval, 0 to 1; -1 where the JVM cannot say
     */
    public record Step(long atMillis, int threads, double sharedCpu, double machineLoad) {}

    public static SharedLaneSizing fixed(int threads) {
        return new SharedLaneSizing("fixed", threads, threads, threads, 0, List.of(), -1);
    }
}
