package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.ReplaySummary;
import dev.isolane.core.model.SharedLaneSizing;
import dev.isolane.core.model.Totals;
import dev.isolane.core.model.Violation;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The full record of one run: what {@code isolane-report.json} holds, and what front ends decide the build on.
 *
 * @param startedAt      when the run began
 * @param durationMillis how long it took, wall clock
 * @param coordinatorCpuMillis CPU time the coordinator's JVM (Maven's) used during the run, reports written, up to
 *                       the JSON report; -1 where the platform does not say. Its share of {@code durationMillis} is
 *                       what Isolane itself costs beside the tests
 * @param config         the settings it ran with
 * @param classes        every class, in the order they finished
 * @param violations     isolation violations found in the shared JVM
 * @param unattributed   notes on shared state that changed while no class could be blamed for it (threads that
 *                       outlived their class, globals changed by reflection or native code), one sentence each
 * @param warnings       problems that did not stop the run (classes JUnit could not discover, say)
 * @param sharedLanes    how many classes the shared JVM ran at once, and why
 * @param shardShare     this machine's part of a suite split over several machines; null when it ran the whole suite
 * @param replay         how confirming the violations by replay went; null when nothing was replayed or tried
 *                       ({@code confirm=off}, or no violation)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunReport(
        Instant startedAt,
        long durationMillis,
        long coordinatorCpuMillis,
        RunConfig config,
        List<ClassResult> classes,
        List<Violation> violations,
        List<String> unattributed,
        List<String> warnings,
        SharedLaneSizing sharedLanes,
        ShardShare shardShare,
        ReplaySummary replay) {

    public RunReport {
        sharedLanes = sharedLanes != null ? sharedLanes : SharedLaneSizing.fixed(config.threads().start());
        classes = List.copyOf(classes);
        violations = List.copyOf(violations);
        unattributed = List.copyOf(unattributed);
        warnings = List.copyOf(warnings);
    }

    /** A report of a run whose violations were not replayed. */
    public RunReport(Instant startedAt, long durationMillis, long coordinatorCpuMillis, RunConfig config,
            List<ClassResult> classes, List<Violation> violations, List<String> unattributed, List<String> warnings,
            SharedLaneSizing sharedLanes, ShardShare shardShare) {
        this(startedAt, durationMillis, coordinatorCpuMillis, config, classes, violations, unattributed, warnings,
                sharedLanes, shardShare, null);
    }

    /** A report of a run of the whole suite, not a shard of it. */
    public RunReport(Instant startedAt, long durationMillis, long coordinatorCpuMillis, RunConfig config,
            List<ClassResult> classes, List<Violation> violations, List<String> unattributed, List<String> warnings,
            SharedLaneSizing sharedLanes) {
        this(startedAt, durationMillis, coordinatorCpuMillis, config, classes, violations, unattributed, warnings,
                sharedLanes, null, null);
    }

    /** A report of a run whose shared JVM ran a fixed number of classes at once, {@code threads}' start. */
    public RunReport(Instant startedAt, long durationMillis, long coordinatorCpuMillis, RunConfig config,
            List<ClassResult> classes, List<Violation> violations, List<String> unattributed, List<String> warnings) {
        this(startedAt, durationMillis, coordinatorCpuMillis, config, classes, violations, unattributed, warnings,
                null, null, null);
    }

    public Totals totals() {
        Totals totals = Totals.ZERO;
        for (ClassResult result : classes) {
            totals = totals.plus(result.totals());
        }
        return totals;
    }

    /** True when any test failed or errored, or any class crashed or timed out. */
    public boolean hasFailures() {
        Totals totals = totals();
        return totals.failed() > 0 || totals.errors() > 0
                || classes.stream().anyMatch(result -> result.outcome().isProblem());
    }
}
