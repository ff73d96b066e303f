package dev.isolane.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.Shard;
import dev.isolane.core.history.History;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardSplitTest {

    @Test
    void withoutHistoryTheSplitIsRoundRobinOverTheSortedNames() {
        List<TestClass> classes = List.of(plain("a.ETest"), plain("a.ATest"), isolated("a.DTest"), plain("a.BTest"),
                plain("a.CTest"));

        List<ShardSplit.Estimate> estimates = ShardSplit.estimate(classes, TestClass::isolated, History.empty());
        assertThat(estimates).extracting(ShardSplit.Estimate::millis).containsOnly(1L);

        assertThat(ShardSplit.split(estimates, 2)).containsExactly(
                List.of("a.ATest", "a.CTest", "a.ETest"), List.of("a.BTest", "a.DTest"));
        assertThat(ShardSplit.split(estimates, 3)).containsExactly(
                List.of("a.ATest", "a.DTest"), List.of("a.BTest", "a.ETest"), List.of("a.CTest"));
    }

    @Test
    void longestFirstGivesEachShardAnEqualShareOfTheTime() {
        History history = history(Map.of("a.A", 8_000L, "a.B", 7_000L, "a.C", 6_000L, "a.D", 5_000L, "a.E", 4_000L,
                "a.F", 3_000L, "a.G", 2_000L, "a.H", 1_000L));
        List<TestClass> classes = history.classes().keySet().stream().map(ShardSplitTest::plain).toList();

        List<List<String>> shards = ShardSplit.split(ShardSplit.estimate(classes, c -> false, history), 2);

        // A 8 -> 1, B 7 -> 2, C 6 -> 2 (13), D 5 -> 1 (13), E 4 -> 1 (17), F 3 -> 2 (16), G 2 -> 2 (18), H 1 -> 1
        assertThat(shards).containsExactly(List.of("a.A", "a.D", "a.E", "a.H"), List.of("a.B", "a.C", "a.F", "a.G"));
    }

    @Test
    void classesTheHistoryDoesNotKnowCountTheMedianAndIsolatedOnesTheirJvmStart() {
        History history = history(Map.of("a.A", 100L, "a.B", 300L, "a.C", 2_000L, "a.Gone", 90_000L));
        List<TestClass> classes = List.of(plain("a.A"), plain("a.B"), plain("a.C"), plain("a.New"),
                isolated("a.NewIsolated"), isolated("a.A2"));

        Map<String, Long> estimates = new TreeMap<>();
        ShardSplit.estimate(classes, TestClass::isolated, history)
                .forEach(e -> estimates.put(e.className(), e.millis()));

        // The median of the known durations of this suite's classes (a.Gone is not among them): 300.
        assertThat(estimates).containsExactly(Map.entry("a.A", 100L), Map.entry("a.A2", 300L + 1_000L),
                Map.entry("a.B", 300L), Map.entry("a.C", 2_000L), Map.entry("a.New", 300L),
                Map.entry("a.NewIsolated", 300L + ShardSplit.JVM_START_MILLIS));
    }

    @Test
    void theSplitDependsOnlyOnItsInputsNotTheirOrder() {
        Random random = new Random(7);
        Map<String, Long> durations = new TreeMap<>();
        for (int i = 0; i < 60; i++) {
            durations.put("p.C" + i, (long) random.nextInt(5) * 100); // many ties
        }
        History history = history(durations);
        List<TestClass> classes = new ArrayList<>(durations.keySet().stream().map(ShardSplitTest::plain).toList());
        List<List<String>> first = ShardSplit.split(ShardSplit.estimate(classes, c -> false, history), 4);
        Collections.shuffle(classes, random);
        List<List<String>> second = ShardSplit.split(ShardSplit.estimate(classes, c -> false, history), 4);

        assertThat(second).isEqualTo(first);
    }

    /** Property: over random suites, histories and shard counts, every class is in exactly one shard. */
    @Test
    void everyClassLandsInExactlyOneShard() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int count = random.nextInt(80);
            List<TestClass> classes = new ArrayList<>();
            Map<String, Long> durations = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = "r" + random.nextInt(1000) + ".T" + i;
                classes.add(random.nextInt(5) == 0 ? isolated(name) : plain(name));
                if (random.nextBoolean()) {
                    durations.put(name, (long) random.nextInt(20_000));
                }
            }
            History history = random.nextInt(4) == 0 ? History.empty() : history(durations);
            int total = 1 + random.nextInt(8);

            List<String> all = new ArrayList<>();
            int runs = 0;
            for (int index = 1; index <= total; index++) {
                ShardSplit.Share share = ShardSplit.share(classes, TestClass::isolated, history,
                        new Shard(index, total, "test"));
                share.classes().forEach(c -> all.add(c.className()));
                runs += share.record().classes();
                assertThat(share.record().suiteClasses()).isEqualTo(count);
            }

            assertThat(all).as("round %d: %d classes over %d shards", round, count, total)
                    .containsExactlyInAnyOrderElementsOf(classes.stream().map(TestClass::className).toList());
            assertThat(runs).isEqualTo(count);
        }
    }

    @Test
    void withManyClassesTheLongestShardIsCloseToTheMean() {
        Random random = new Random(3);
        Map<String, Long> durations = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            durations.put("p.C" + i, skewedMillis(random));
        }
        List<ShardSplit.Estimate> estimates = ShardSplit.estimate(
                durations.keySet().stream().map(ShardSplitTest::plain).toList(), c -> false, history(durations));

        for (int shards = 2; shards <= 4; shards++) {
            long[] loads = loads(ShardSplit.split(estimates, shards), durations);
            double mean = IntStream.range(0, shards).mapToLong(i -> loads[i]).sum() / (double) shards;
            long slowest = IntStream.range(0, shards).mapToLong(i -> loads[i]).max().orElseThrow();
            assertThat(slowest / mean).as("%d shards", shards).isLessThan(1.05);
        }
    }

    /**
     * Stability, measured (docs/user-guide.md quotes it): adding one class of the median duration to a suite of 200
     * classes (durations from a few milliseconds to tens of seconds) over 4 shards moves some of the classes that come
     * after it in the longest-first order to another shard. Over 200 random suites, the share of classes that move.
     */
    @Test
    void addingOneClassMovesSomeOfTheOthers() {
        Random random = new Random(11);
        int moved = 0;
        int compared = 0;
        int suites = 200;
        for (int suite = 0; suite < suites; suite++) {
            Map<String, Long> durations = new TreeMap<>();
            for (int i = 0; i < 200; i++) {
                durations.put("p.C" + i, skewedMillis(random));
            }
            List<TestClass> before = durations.keySet().stream().map(ShardSplitTest::plain).toList();
            List<TestClass> after = new ArrayList<>(before);
            after.add(plain("p.Added"));
            History history = history(durations);

            Map<String, Integer> shardBefore = shardOf(ShardSplit.split(ShardSplit.estimate(before, c -> false,
                    history), 4));
            Map<String, Integer> shardAfter = shardOf(ShardSplit.split(ShardSplit.estimate(after, c -> false,
                    history), 4));
            for (TestClass testClass : before) {
                compared++;
                if (!shardBefore.get(testClass.className()).equals(shardAfter.get(testClass.className()))) {
                    moved++;
                }
            }
        }
        double share = moved / (double) compared;
        System.out.printf("ShardSplitTest: adding one class moved %.1f%% of the other classes on average%n",
                share * 100);
        // LPT is not stable: the classes after the added one in the order may all move. The figure (about a third)
        // is what docs/user-guide.md states; this bound keeps it from silently getting worse.
        assertThat(share).isBetween(0.0, 0.6);
    }

    private static Map<String, Integer> shardOf(List<List<String>> shards) {
        Map<String, Integer> shardOf = new HashMap<>();
        for (int i = 0; i < shards.size(); i++) {
            for (String name : shards.get(i)) {
                shardOf.put(name, i);
            }
        }
        return shardOf;
    }

    private static long[] loads(List<List<String>> shards, Map<String, Long> durations) {
        long[] loads = new long[shards.size()];
        for (int i = 0; i < shards.size(); i++) {
            loads[i] = shards.get(i).stream().mapToLong(durations::get).sum();
        }
        return loads;
    }

    /** Most classes short, a few long: as in real suites. */
    private static long skewedMillis(Random random) {
        return Math.max(1, (long) Math.exp(random.nextGaussian() * 1.5 + 6));
    }

    private static History history(Map<String, Long> durations) {
        Map<String, History.ClassHistory> classes = new TreeMap<>();
        durations.forEach((name, millis) -> classes.put(name, new History.ClassHistory(millis, Lane.SHARED,
                List.of())));
        return new History(History.SCHEMA_VERSION, "2026-12-01T10:00:00Z", classes);
    }

    private static TestClass plain(String name) {
        return new TestClass(name, false);
    }

    private static TestClass isolated(String name) {
        return new TestClass(name, true);
    }
}
