package dev.isolane.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.Shard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Checks that the shards' reports merged into one hold each shard of each suite once: no shard missing, none claimed
 * twice, all split from the same inputs, no class run by two shards. The suites (the modules of a build) are told apart
 * by their {@code suiteKey}, a digest of their class names. Reports of whole runs (no {@code shard}) are not checked,
 * so the reports of several modules merge as before. Pure: it reads only what it is given.
 */
@API(status = INTERNAL, since = "0.1")
public final class ShardCoverage {

    /** At most this many classes are named when classes ran in two shards. */
    private static final int NAMED_CLASSES = 5;

    private ShardCoverage() {}

    /**
     * What one report says of its shard.
     *
     * @param file       where the report is, as the messages name it
     * @param shard      its shard, or null for a whole run's report
     * @param splitKey   the digest of the split's inputs, or null when not known
     * @param suiteKey   the digest of the suite's class names, or null when not known
     * @param classNames the classes it ran
     */
    public record Entry(String file, Shard shard, String splitKey, String suiteKey, List<String> classNames) {
        public Entry {
            Objects.requireNonNull(file, "file");
            classNames = List.copyOf(classNames);
        }
    }

    /**
     * The entries of a report read back: one for a run's report; one per run for a merged report, each with its
     * run's shard and classes, so that a merged report merges again with the same checks.
     *
     * @throws IllegalArgumentException when a shard's numbers make no shard (a report edited by hand)
     */
    public static List<Entry> entries(String source, JsonReport.Document document) {
        if (!document.isMerged()) {
            return List.of(entry(source, document.shard(), document.classes().stream()
                    .map(JsonReport.ClassEntry::className).toList()));
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < document.runs().size(); i++) {
            int run = i + 1;
            JsonReport.RunEntry entry = document.runs().get(i);
            entries.add(entry(entry.source() == null ? source + " (" + entry.label() + ")" : entry.source(),
                    entry.shard(), document.classes().stream().filter(c -> c.run() != null && c.run() == run)
                            .map(JsonReport.ClassEntry::className).toList()));
        }
        return entries;
    }

    private static Entry entry(String source, JsonReport.ShardEntry shard, List<String> classNames) {
        return shard == null ? new Entry(source, null, null, null, classNames)
                : new Entry(source, new Shard(shard.index(), shard.total(), shard.source()), shard.splitKey(),
                        shard.suiteKey(), classNames);
    }

    /** What keeps the reports from making one suite's report, one sentence each with its fix; empty when nothing. */
    public static List<String> problems(List<Entry> reports) {
        List<Entry> shards = reports.stream().filter(r -> r.shard() != null).toList();
        if (shards.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        List<Entry> whole = reports.stream().filter(r -> r.shard() == null).toList();
        if (!whole.isEmpty()) {
            problems.add("Some reports are shards of a suite and some are whole runs: " + files(whole) + " ran no"
                    + " shard, " + files(shards) + " did. Merge the reports of one suite's shards, or of whole runs,"
                    + " not both.");
        }
        Map<String, List<Entry>> suites = group(shards, r -> r.suiteKey() == null ? "" : r.suiteKey());
        suites.values().forEach(suite -> problems.addAll(suiteProblems(suite, shards)));
        return problems;
    }

    /** The problems of one suite's shards; {@code all} are every suite's, for a hint. */
    private static List<String> suiteProblems(List<Entry> shards, List<Entry> all) {
        List<String> problems = new ArrayList<>();
        Map<Integer, List<Entry>> byTotal = group(shards, r -> r.shard().total());
        if (byTotal.size() > 1) {
            problems.add("The shards' reports disagree on how many shards there are: " + byTotal.entrySet().stream()
                    .map(e -> e.getKey() + " (" + files(e.getValue()) + ")").collect(Collectors.joining(", "))
                    + ". Merge the reports of one run of the suite, all split the same number of ways.");
            return problems;
        }
        int total = byTotal.keySet().iterator().next();
        Map<Integer, List<Entry>> byIndex = group(shards, r -> r.shard().index());
        byIndex.forEach((index, claimed) -> {
            if (claimed.size() > 1) {
                problems.add("Two reports claim shard " + index + "/" + total + ": " + files(claimed) + ". Keep each"
                        + " shard's reports in a folder of its own, and check that each CI job ran a different"
                        + " shard (its shard parameter or CI variables).");
            }
        });
        List<Integer> missing = new ArrayList<>();
        for (int index = 1; index <= total; index++) {
            if (!byIndex.containsKey(index)) {
                missing.add(index);
            }
        }
        if (!missing.isEmpty()) {
            List<Entry> elsewhere = all.stream().filter(r -> !shards.contains(r) && r.shard().total() == total
                    && missing.contains(r.shard().index())).toList();
            problems.add((missing.size() == 1 ? "The report of shard " : "The reports of shards ")
                    + missing.stream().map(i -> i + "/" + total).collect(Collectors.joining(", "))
                    + (missing.size() == 1 ? " is" : " are") + " missing: found only " + files(shards) + ". The"
                    + " suite's report would lack those shards' classes; pass every shard's report folder, or run"
                    + " the missing shard again." + (elsewhere.isEmpty() ? "" : " (" + files(elsewhere) + " ran such"
                    + " a shard of another list of test classes: if it belongs to this suite, the shards ran"
                    + " different commits or selections.)"));
        }
        Map<String, List<Entry>> byKey = new TreeMap<>(group(shards.stream().filter(r -> r.splitKey() != null)
                .toList(), Entry::splitKey));
        if (byKey.size() > 1) {
            problems.add("The shards split different inputs (split keys " + byKey.entrySet().stream()
                    .map(e -> e.getKey() + " in " + files(e.getValue())).collect(Collectors.joining(", "))
                    + "): their history files or their test classes differed, so some classes may have run twice"
                    + " and others not at all. Give every shard the same historyFile (restore the same cache on"
                    + " each) and the same commit.");
        }
        Map<String, List<Entry>> ranBy = new TreeMap<>();
        for (Entry shard : shards) {
            for (String name : new TreeSet<>(shard.classNames())) {
                ranBy.computeIfAbsent(name, n -> new ArrayList<>()).add(shard);
            }
        }
        List<String> twice = ranBy.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " (shards " + e.getValue().stream().map(r -> r.shard().label())
                        .collect(Collectors.joining(", ")) + ")").toList();
        if (!twice.isEmpty()) {
            problems.add(twice.size() + " class" + (twice.size() == 1 ? "" : "es") + " ran in more than one shard: "
                    + String.join(", ", twice.subList(0, Math.min(NAMED_CLASSES, twice.size())))
                    + (twice.size() > NAMED_CLASSES ? " and " + (twice.size() - NAMED_CLASSES) + " more" : "")
                    + ". The shards did not split the same inputs; give every shard the same historyFile and the"
                    + " same commit.");
        }
        return problems;
    }

    private static <K> Map<K, List<Entry>> group(List<Entry> entries, Function<Entry, K> key) {
        Map<K, List<Entry>> groups = new LinkedHashMap<>();
        entries.forEach(e -> groups.computeIfAbsent(key.apply(e), k -> new ArrayList<>()).add(e));
        return new TreeMap<>(groups);
    }

    private static String files(List<Entry> entries) {
        return entries.stream().map(Entry::file).collect(Collectors.joining(", "));
    }
}
