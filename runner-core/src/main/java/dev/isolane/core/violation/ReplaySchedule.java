package dev.isolane.core.violation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The course of confirming a run's violations: which replay JVM to start next, and, from what each gave, each
 * violation's {@link Confirmation}. A pair needs two JVMs, the reader alone and the writer followed by the reader; the
 * reader-alone JVM is shared by every pair with that reader. A pair is taken only when its JVMs still to start fit
 * the budget left, so a cheaper, less suspicious pair may go before one that no longer fits; a violation already
 * confirmed takes no more pairs. Pure and single-threaded: the caller runs the JVMs and reports back.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReplaySchedule {

    /**
     * One replay JVM: the reader alone ({@code writer} null), or the writer then the reader.
     */
    public record Job(String writer, String reader) {

        public List<String> classes() {
            return writer == null ? List.of(reader) : List.of(writer, reader);
        }

        /** Names it in a sentence: "replaying FooTest alone", "replaying BarTest then FooTest". */
        public String describe() {
            return "replaying " + (writer == null ? OutcomeComparison.simpleName(reader) + " alone"
                    : OutcomeComparison.simpleName(writer) + " then " + OutcomeComparison.simpleName(reader));
        }
    }

    /**
     * What a job's JVM gave: the reader's test results, or why there are none.
     *
     * @param readerTests the reader's results when the JVM ran it to the end
     * @param failure     why the job did not finish (crashed, hung, out of budget); null when it did
     */
    public record Outcome(List<TestResult> readerTests, String failure) {
        public static Outcome of(List<TestResult> readerTests) {
            return new Outcome(List.copyOf(readerTests), null);
        }

        public static Outcome failed(String failure) {
            return new Outcome(List.of(), failure);
        }
    }

    static final String NO_READER = "no reader seen";

    private final List<Violation> violations;
    private final ReplayPlan.Plan plan;
    private final Set<ReplayPlan.Pair> taken = new HashSet<>();
    private final Set<Job> started = new HashSet<>();
    private final Deque<Job> committed = new ArrayDeque<>();
    private final Map<Job, Outcome> outcomes = new HashMap<>();

    public ReplaySchedule(List<Violation> violations, ReplayPlan.Plan plan) {
        this.violations = List.copyOf(violations);
        this.plan = plan;
    }

    /**
     * The next JVM to start, or null when no job is left that fits.
     *
     * @param remainingMillis the budget left; -1 for no limit
     */
    public Job next(long remainingMillis) {
        while (!committed.isEmpty()) {
            Job job = committed.poll();
            if (fits(job, remainingMillis)) {
                return job;
            }
            outcomes.put(job, Outcome.failed(outOfBudget()));
        }
        for (ReplayPlan.Pair pair : plan.pairs()) {
            if (taken.contains(pair)) {
                continue;
            }
            if (decided(pair.violation()).isConfirmed()) {
                taken.add(pair); // a violation already confirmed needs no more pairs
                continue;
            }
            List<Job> needed = new ArrayList<>();
            for (Job job : List.of(new Job(null, pair.reader()), new Job(pair.writer(), pair.reader()))) {
                if (!started.contains(job)) {
                    needed.add(job);
                }
            }
            if (!needed.stream().allMatch(job -> fits(job, remainingMillis))) {
                continue; // a cheaper pair may still fit
            }
            taken.add(pair);
            started.addAll(needed);
            committed.addAll(needed);
            if (!committed.isEmpty()) {
                return committed.poll();
            }
        }
        return null;
    }

    public void finished(Job job, Outcome outcome) {
        outcomes.put(job, outcome);
    }

    /** The run's violations, each with what its replays showed. */
    public List<Violation> confirmed() {
        List<Violation> result = new ArrayList<>();
        for (int i = 0; i < violations.size(); i++) {
            result.add(violations.get(i).withConfirmation(decided(i)));
        }
        return result;
    }

    /**
     * Violation {@code index}'s confirmation from the replays finished so far: confirmed by any of its pairs, else not
     * reproduced by any, else not tried, with the first reason found.
     */
    Confirmation decided(int index) {
        Confirmation notReproduced = null;
        String reason = null;
        boolean anyPair = false;
        for (ReplayPlan.Pair pair : plan.pairs()) {
            if (pair.violation() != index) {
                continue;
            }
            anyPair = true;
            Outcome alone = outcomes.get(new Job(null, pair.reader()));
            Outcome after = outcomes.get(new Job(pair.writer(), pair.reader()));
            if (alone != null && alone.failure() == null && after != null && after.failure() == null) {
                Confirmation confirmation = OutcomeComparison.compare(pair.writer(), pair.reader(),
                        alone.readerTests(), after.readerTests());
                if (confirmation.isConfirmed()) {
                    return confirmation;
                }
                notReproduced = notReproduced == null ? confirmation : notReproduced;
            } else if (reason == null) {
                if (alone != null && alone.failure() != null) {
                    reason = new Job(null, pair.reader()).describe() + ": " + alone.failure();
                } else if (after != null && after.failure() != null) {
                    reason = new Job(pair.writer(), pair.reader()).describe() + ": " + after.failure();
                }
            }
        }
        if (notReproduced != null) {
            return notReproduced;
        }
        if (!anyPair) {
            return Confirmation.notTried(NO_READER); // none but its writers, which cannot replay after themselves
        }
        return Confirmation.notTried(reason != null ? reason : outOfBudget());
    }

    /** Why a pair did not run: its JVMs would not have finished within what was left of the budget. */
    private String outOfBudget() {
        if (plan.budgetMillis() < 0) {
            return "its replays did not run";
        }
        return String.format(Locale.ROOT, "its replay would not fit in what was left of the budget of %.1f s (a"
                + " fifth of the run's time; confirm=all replays every violation)", plan.budgetMillis() / 1000.0);
    }

    private boolean fits(Job job, long remainingMillis) {
        return remainingMillis < 0 || plan.estimateMillis(job.classes()) <= remainingMillis;
    }
}
