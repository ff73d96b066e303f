package dev.isolane.core.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.Shard;
import dev.isolane.core.ShardShare;
import dev.isolane.core.history.History;
import dev.isolane.core.model.TestClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.apiguardian.api.API;

/**
 * Splits a suite's test classes over {@code n} shards so that each gets an equal share of the expected time. Every
 * machine computes the split on its own, with no communication, so it depends on nothing but its inputs: the class
 * names (sorted), each class's estimate, and {@code n}. The same test classes and the same history file give the same
 * split everywhere; a shard that read another history file may split differently, which {@link ShardShare#splitKey()}
 * shows.
 *
 * <p>The estimate of a class is its duration in the history file; a class the history does not know gets the median
 * of the known ones; an isolated class adds {@link #JVM_START_MILLIS} for its JVM. With no history at all every class
 * counts 1, and the split is by count.
 *
 * <p>The split is longest first, with a home shard per class: the classes from the longest estimate down (ties by
 * name) each go to their home shard (from a hash of the name, so a class keeps it whatever else changes) while that
 * shard stays within an equal share of the suite's total; otherwise to the shard with the least expected time so far
 * (ties to the lowest), as longest-processing-time-first would place it. The homes make the split stable: a class
 * added or removed moves few others (in {@code ShardSplitTest}, adding one class to 200 over 4 shards moves about 9%
 * of the others, where plain longest-processing-time-first moves 38%), and the fallback keeps the balance of
 * longest-processing-time-first: no shard passes its equal share but by the last class the fallback gave it. Without
 * history every class counts 1, and the shards' counts differ by at most one.
 */
@API(status = INTERNAL, since = "0.1")
public final class ShardSplit {

    /**
     * What an isolated class costs beyond its own duration: starting its JVM, which the history's durations (from
     * the class's start to its end) leave out. An estimate, not a measurement.
     */
    public static final long JVM_START_MILLIS = 1_000;

    /** A class and what it is expected to cost, in milliseconds (or 1 each, without history). */
    public record Estimate(String className, long millis) {}

    private ShardSplit() {}

    /**
     * This shard's classes, in the order given, and what it took of the suite.
     *
     * @param discovered the suite's test classes, as discovery found them (the same on every shard)
     * @param isolated   which of them will run in a JVM of their own
     */
    public static Share share(List<TestClass> discovered, Predicate<TestClass> isolated, History history,
            Shard shard) {
        List<Estimate> estimates = estimate(discovered, isolated, history);
        List<List<String>> shards = split(estimates, shard.total());
        Set<String> mine = new TreeSet<>(shards.get(shard.index() - 1));
        long expected = estimates.stream().filter(e -> mine.contains(e.className())).mapToLong(Estimate::millis).sum();
        long suite = estimates.stream().mapToLong(Estimate::millis).sum();
        List<TestClass> classes = discovered.stream().filter(c -> mine.contains(c.className())).toList();
        boolean timed = isTimed(discovered, history);
        return new Share(classes, new ShardShare(shard, classes.size(), estimates.size(), expected, suite, timed,
                splitKey(estimates, shard.total()), suiteKey(estimates)));
    }

    /**
     * This shard's classes, in discovery order, and what it records of the split.
     *
     * @param classes the classes this shard runs
     */
    public record Share(List<TestClass> classes, ShardShare record) {
        public Share {
            classes = List.copyOf(classes);
        }
    }

    /** Each class's expected cost, sorted by name; duplicates (a class found twice) counted once. */
    public static List<Estimate> estimate(List<TestClass> discovered, Predicate<TestClass> isolated,
            History history) {
        List<TestClass> byName = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        discovered.stream().sorted(Comparator.comparing(TestClass::className))
                .filter(c -> seen.add(c.className())).forEach(byName::add);
        if (!isTimed(byName, history)) {
            return byName.stream().map(c -> new Estimate(c.className(), 1)).toList();
        }
        long median = median(byName.stream().map(c -> history.classes().get(c.className()))
                .filter(known -> known != null).mapToLong(History.ClassHistory::durationMillis).sorted().toArray());
        return byName.stream().map(c -> {
            History.ClassHistory known = history.classes().get(c.className());
            long own = Math.max(1, known == null ? median : known.durationMillis());
            return new Estimate(c.className(), own + (isolated.test(c) ? JVM_START_MILLIS : 0));
        }).toList();
    }

    /**
     * Longest first, each class to its home shard while that stays within an equal share, else to the least loaded:
     * returns each shard's class names, shard 1 first, each list sorted by name. Every class lands in exactly one
     * shard.
     */
    public static List<List<String>> split(List<Estimate> estimates, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards: " + shards);
        }
        List<Estimate> order = estimates.stream().sorted(Comparator.comparingLong(Estimate::millis).reversed()
                .thenComparing(Estimate::className)).toList();
        long total = estimates.stream().mapToLong(Estimate::millis).sum();
        long[] loads = new long[shards];
        List<List<String>> assigned = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            assigned.add(new ArrayList<>());
        }
        for (Estimate estimate : order) {
            int home = home(estimate.className(), shards);
            // Within an equal share: (load + cost) <= total / shards, without rounding.
            int chosen = (loads[home] + estimate.millis()) * shards <= total ? home : leastLoaded(loads);
            loads[chosen] += estimate.millis();
            assigned.get(chosen).add(estimate.className());
        }
        return assigned.stream().map(names -> names.stream().sorted().toList()).toList();
    }

    /** A class's home shard: from the CRC-32 of its name, the same in every JVM. */
    static int home(String className, int shards) {
        CRC32 crc = new CRC32();
        crc.update(className.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    private static int leastLoaded(long[] loads) {
        int least = 0;
        for (int i = 1; i < loads.length; i++) {
            if (loads[i] < loads[least]) {
                least = i;
            }
        }
        return least;
    }

    /** A short digest of everything the split depends on: equal keys, equal splits. */
    static String splitKey(List<Estimate> estimates, int shards) {
        List<String> lines = new ArrayList<>();
        lines.add("shards=" + shards);
        estimates.forEach(estimate -> lines.add(estimate.className() + "=" + estimate.millis()));
        return digest(lines);
    }

    /** A short digest of the suite's class names: the same for every shard of one suite at one commit. */
    static String suiteKey(List<Estimate> estimates) {
        return digest(estimates.stream().map(Estimate::className).toList());
    }

    private static String digest(List<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether the history knows the duration of at least one of the classes. */
    private static boolean isTimed(List<TestClass> classes, History history) {
        return classes.stream().anyMatch(c -> history.classes().containsKey(c.className()));
    }

    private static long median(long[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
