package dev.isolane.core.violation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.ConfirmMode;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Which writer-reader pairs to replay, in what order, and within what budget. Pure: it reads the run's results and
 * decides, no JVM, no clock.
 *
 * <p>The most suspicious pairs come first. A violation ranks by: a reader that failed in the run (the suspicion may
 * already have shown), a writer that left the state changed (a replay one after the other can only show a change that
 * outlives the writer; one it restored was seen only while both ran at once), a JDK global (every class reads the
 * default Locale or a system property the same way), and writer and reader having run at the same time. Within a
 * violation, readers that failed in the run come first, then readers that are not writers too, then the cheapest
 * pairs. Each violation gets at most {@link #PAIRS_PER_VIOLATION} pairs, tried round by round: the first pair of
 * every violation, then the second of those not yet confirmed, and so on.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReplayPlan {

    /** At most this many writer-reader pairs of one violation are replayed. */
    public static final int PAIRS_PER_VIOLATION = 3;
    /** {@code confirm=auto} replays within this share of the run's wall time. */
    public static final double BUDGET_SHARE = 0.2;
    /** A JVM's start-up when the run started no isolated JVM to measure one by. */
    static final long DEFAULT_JVM_START_MILLIS = 1_000;

    /**
     * One writer followed by one reader, for violation number {@code violation} of the run's list.
     *
     * @param round 0 for a violation's most suspicious pair, 1 for its next, ...
     */
    public record Pair(int violation, String writer, String reader, int round) {
        public Pair {
            Objects.requireNonNull(writer, "writer");
            Objects.requireNonNull(reader, "reader");
        }
    }

    /**
     * @param pairs          in the order to try them
     * @param budgetMillis   the wall time the replays may take; -1 for no limit
     * @param jvmStartMillis the start-up of one replay JVM, as the run measured its isolated JVMs
     * @param durations      each class's time in the run, in milliseconds
     */
    public record Plan(List<Pair> pairs, long budgetMillis, long jvmStartMillis, Map<String, Long> durations) {
        public Plan {
            pairs = List.copyOf(pairs);
            durations = Map.copyOf(durations);
        }

        /** What a JVM running these classes one after the other should take: its start-up, then their times. */
        public long estimateMillis(List<String> classes) {
            long total = jvmStartMillis;
            for (String name : classes) {
                total += durations.getOrDefault(name, 0L);
            }
            return total;
        }
    }

    private ReplayPlan() {}

    /**
     * @param runMillis the run's wall time up to the end of its last class, which {@code auto}'s budget is a share of
     */
    public static Plan of(List<Violation> violations, List<ClassResult> classes, long runMillis, ConfirmMode mode) {
        Map<String, Long> durations = new HashMap<>();
        Set<String> failedInRun = classes.stream().filter(c -> c.outcome().isProblem()).map(ClassResult::className)
                .collect(Collectors.toSet());
        List<Long> starts = new ArrayList<>();
        for (ClassResult result : classes) {
            durations.put(result.className(), Math.max(0, result.durationMillis()));
            if (result.jvmStartMillis() > 0 && result.jvmReadyMillis() >= result.jvmStartMillis()) {
                starts.add(result.jvmReadyMillis() - result.jvmStartMillis());
            }
        }
        long jvmStart = starts.isEmpty() ? DEFAULT_JVM_START_MILLIS
                : starts.stream().sorted().toList().get(starts.size() / 2);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < violations.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -suspicion(violations.get(i), failedInRun)));
        List<List<Pair>> perViolation = new ArrayList<>();
        for (int index : order) {
            perViolation.add(pairs(index, violations.get(index), failedInRun, durations));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int round = 0; round < PAIRS_PER_VIOLATION; round++) {
            for (List<Pair> candidates : perViolation) {
                if (round < candidates.size()) {
                    pairs.add(candidates.get(round));
                }
            }
        }
        long budget = mode == ConfirmMode.AUTO ? (long) (runMillis * BUDGET_SHARE) : -1;
        return new Plan(mode == ConfirmMode.OFF ? List.of() : pairs, budget, jvmStart, durations);
    }

    /** Higher is more suspicious. */
    static int suspicion(Violation violation, Set<String> failedInRun) {
        int score = 0;
        if (violation.readers().stream().anyMatch(failedInRun::contains)) {
            score += 8;
        }
        if (!violation.restored()) {
            score += 4;
        }
        if (violation.kind().isGlobal()) {
            score += 2;
        }
        if (violation.concurrent()) {
            score += 1;
        }
        return score;
    }

    /** A violation's pairs, most suspicious first, at most {@link #PAIRS_PER_VIOLATION}; none without a reader. */
    static List<Pair> pairs(int index, Violation violation, Set<String> failedInRun, Map<String, Long> durations) {
        record Candidate(String writer, String reader, int rank, long cost) {}
        List<Candidate> candidates = new ArrayList<>();
        for (String reader : violation.readers()) {
            for (String writer : violation.writers()) {
                if (writer.equals(reader)) {
                    continue;
                }
                int rank = (failedInRun.contains(reader) ? 0 : 2) + (violation.writers().contains(reader) ? 1 : 0);
                candidates.add(new Candidate(writer, reader, rank,
                        durations.getOrDefault(writer, 0L) + 2 * durations.getOrDefault(reader, 0L)));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::rank).thenComparingLong(Candidate::cost));
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(PAIRS_PER_VIOLATION, candidates.size()); i++) {
            pairs.add(new Pair(index, candidates.get(i).writer(), candidates.get(i).reader(), i));
        }
        return pairs;
    }
}
