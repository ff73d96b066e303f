package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What one shard took of the suite, as every shard computed the same split from the same inputs.
 *
 * @param shard          which shard, and where its number came from
 * @param classes        how many test classes this shard ran
 * @param suiteClasses   how many test classes the whole suite has, over all shards
 * @param expectedMillis this shard's expected time: the sum of its classes' estimates
 * @param suiteMillis    the whole suite's expected time, over all shards
 * @param timed          whether the estimates came from the history file; without one every class counts the same
 *                       and the split is by count
 * @param splitKey       a digest of the split's inputs (the classes, their estimates and the number of shards):
 *                       shards that show different keys split different inputs, so some classes may have run twice
 *                       and others not at all
 * @param suiteKey       a digest of the suite's class names alone: the shards of one suite show the same, the shards of
 *                       another module another, so that their reports merged together are checked suite by suite
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ShardShare(Shard shard, int classes, int suiteClasses, long expectedMillis, long suiteMillis,
        boolean timed, String splitKey, String suiteKey) {

    public ShardShare {
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(splitKey, "splitKey");
        Objects.requireNonNull(suiteKey, "suiteKey");
    }
}
