package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * This machine's part of a suite split over several CI machines: shard {@code index} of {@code total}, 1-based, as
 * the {@code shard} parameter writes it ({@code 2/4}).
 *
 * @param index  which shard this machine runs, from 1 to {@code total}
 * @param total  how many machines share the suite
 * @param source where the numbers came from: {@link ShardSettings#PROPERTY} for the parameter, or the name of the CI
 *               variable that gave the index, such as {@code CI_NODE_INDEX}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Shard(int index, int total, String source) {

    public Shard {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("shard " + index + "/" + total + " is not between 1/" + total
                    + " and " + total + "/" + total);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a shard needs the source of its numbers");
        }
    }

    /** As the parameter writes it: {@code 2/4}. */
    public String label() {
        return index + "/" + total;
    }

    /** Where the numbers came from, for the console: {@code the shard parameter (isolane.shard)}, or a variable. */
    public String sourceText() {
        return source.equals(ShardSettings.PROPERTY) ? "the shard parameter (" + ShardSettings.PROPERTY + ")"
                : ShardSettings.describe(source);
    }
}
