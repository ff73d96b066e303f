package dev.isolane.core.history;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Merges the history files of the shards of one suite into one. Each shard's file holds every class: those it ran,
 * with this run's entries, and the others carried over from the history it started from. So per class the entry that
 * ran last wins ({@link History.ClassHistory#ranAt()}); between entries equally recent (or from files written before
 * entries carried a time) the file updated last wins, then the later file in the list. The runs of the trend are the
 * files' runs together, each once, oldest first, the last {@link History#RUNS_KEPT}.
 */
@API(status = INTERNAL, since = "0.1")
public final class HistoryMerge {

    private HistoryMerge() {}

    /** One history from several; {@code histories} in the order their files were named. */
    public static History merge(List<History> histories) {
        Map<String, History.ClassHistory> merged = new TreeMap<>();
        Map<String, Rank> ranks = new TreeMap<>();
        for (int position = 0; position < histories.size(); position++) {
            History history = histories.get(position);
            Instant fileTime = instant(history.updatedAt());
            for (Map.Entry<String, History.ClassHistory> entry : history.classes().entrySet()) {
                Rank rank = new Rank(instant(entry.getValue().ranAt()), fileTime, position);
                Rank best = ranks.get(entry.getKey());
                if (best == null || Rank.ORDER.compare(rank, best) >= 0) {
                    ranks.put(entry.getKey(), rank);
                    merged.put(entry.getKey(), entry.getValue());
                }
            }
        }
        String updatedAt = histories.stream().map(History::updatedAt).filter(t -> !instant(t).equals(Instant.MIN))
                .max(Comparator.comparing(HistoryMerge::instant)).orElse(null);
        // Every shard's file carries the runs it started from: each run once.
        List<History.RunRecord> runs = histories.stream().flatMap(h -> h.runs().stream()).distinct()
                .sorted(Comparator.comparing((History.RunRecord run) -> instant(run.startedAt()))).toList();
        return new History(History.SCHEMA_VERSION, updatedAt, merged,
                runs.subList(Math.max(0, runs.size() - History.RUNS_KEPT), runs.size()));
    }

    /** How recent an entry is: when its class ran, then when its file was written, then the file's position. */
    private record Rank(Instant ranAt, Instant fileUpdatedAt, int position) {
        static final Comparator<Rank> ORDER = Comparator.comparing(Rank::ranAt)
                .thenComparing(Rank::fileUpdatedAt).thenComparingInt(Rank::position);
    }

    /** A time the file wrote; a missing or unreadable one counts as oldest. */
    private static Instant instant(String text) {
        if (text == null) {
            return Instant.MIN;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
