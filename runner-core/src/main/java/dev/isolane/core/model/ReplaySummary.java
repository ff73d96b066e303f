package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How confirming the violations by replay went: the {@code replay} object of {@code isolane-report.json}.
 *
 * @param mode           {@code auto} or {@code all}
 * @param violations     violations found
 * @param replayed       violations decided by replay (confirmed or not reproduced)
 * @param confirmed      violations confirmed
 * @param jvms           replay JVMs started
 * @param durationMillis wall time the replays took
 * @param budgetMillis   the wall time they were allowed ({@code confirm=auto}: a fifth of the run's); -1 for no limit
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReplaySummary(String mode, int violations, int replayed, int confirmed, int jvms, long durationMillis,
        long budgetMillis) {}
