package dev.isolane.core.run;

import dev.isolane.core.ConfirmMode;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunLog;
import dev.isolane.core.coordinator.Replays;
import dev.isolane.core.launch.LaunchTimeouts;
import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.ReplaySummary;
import dev.isolane.core.model.Violation;
import dev.isolane.core.violation.ReplayPlan;
import dev.isolane.core.violation.ReplaySchedule;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Confirms a run's violations by replay ({@code confirm}), after its lanes are done: {@link ReplayPlan} ranks the
 * pairs and sets the budget, {@link ReplaySchedule} decides which JVM comes next and what the results mean, and
 * {@link Replays} runs the JVMs. Whatever the replay JVMs do, the run goes on: a violation they could not decide is
 * {@code not-tried}, saying why.
 */
final class ViolationReplay {

    /** Without a class timeout, a replayed class may take this many times its time in the run, plus a margin. */
    static final int SLOWER_THAN_RUN = 5;
    static final long MARGIN_MILLIS = 30_000;

    /** The violations with their confirmations, and how replaying went; the summary is null when nothing ran. */
    record Outcome(List<Violation> violations, ReplaySummary summary) {}

    private ViolationReplay() {}

    /** @param runMillis the run's wall time until its last class ended, which auto's budget is a share of */
    static Outcome confirm(RunConfig config, RunLog log, List<Violation> violations, List<ClassResult> classes,
            long runMillis) throws InterruptedException {
        if (config.confirm() == ConfirmMode.OFF || violations.isEmpty()) {
            return new Outcome(violations, null);
        }
        ReplayPlan.Plan plan = ReplayPlan.of(violations, classes, runMillis, config.confirm());
        ReplaySchedule schedule = new ReplaySchedule(violations, plan);
        Replays.Stats stats = new Replays.Stats(0, 0);
        // No JVM is started (no server, no run directory) when not one pair could finish within the budget.
        boolean anyFits = plan.budgetMillis() < 0 || plan.pairs().stream().anyMatch(pair ->
                plan.estimateMillis(List.of(pair.writer(), pair.reader())) <= plan.budgetMillis());
        if (anyFits && !plan.pairs().isEmpty()) {
            Map<String, ReplaySchedule.Job> jobs = new HashMap<>();
            Replays.Jobs source = new Replays.Jobs() {
                @Override
                public Replays.Job next(long remainingMillis) {
                    ReplaySchedule.Job job = schedule.next(remainingMillis);
                    if (job == null) {
                        return null;
                    }
                    String id = "replay-" + (jobs.size() + 1);
                    jobs.put(id, job);
                    return new Replays.Job(id, job.classes(), limitMillis(config, plan, job.classes()));
                }

                @Override
                public void finished(Replays.Result result) {
                    ReplaySchedule.Job job = jobs.get(result.job().id());
                    schedule.finished(job, result.finished()
                            ? ReplaySchedule.Outcome.of(result.tests().getOrDefault(job.reader(), List.of()))
                            : ReplaySchedule.Outcome.failed(result.failure()));
                }
            };
            try {
                stats = new Replays(config, log).run(source, plan.budgetMillis());
            } catch (IOException | RuntimeException e) {
                // Replaying is a second opinion: it never fails the run. What it could not decide stays not-tried.
                log.warn("Could not replay the violations to confirm them (" + e + "); they are reported as not"
                        + " tried.");
            }
        }
        List<Violation> confirmed = schedule.confirmed();
        int decided = (int) confirmed.stream().filter(v -> v.confirmation().status()
                != Confirmation.Status.NOT_TRIED).count();
        int confirmedCount = (int) confirmed.stream().filter(Violation::isConfirmed).count();
        return new Outcome(confirmed, new ReplaySummary(config.confirm().label(), violations.size(), decided,
                confirmedCount, stats.jvms(), stats.millis(), plan.budgetMillis()));
    }

    /**
     * How long a replay JVM may take before it counts as hung: its start-up and connection, then per class the
     * run's {@code timeout}, or without one {@link #SLOWER_THAN_RUN} times the class's time in the run and a margin.
     */
    static long limitMillis(RunConfig config, ReplayPlan.Plan plan, List<String> classes) {
        long limit = LaunchTimeouts.CONNECT.toMillis();
        for (String name : classes) {
            limit += config.timeout().isZero()
                    ? SLOWER_THAN_RUN * plan.durations().getOrDefault(name, 0L) + MARGIN_MILLIS
                    : config.timeout().toMillis();
        }
        return limit;
    }
}
