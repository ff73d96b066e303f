package dev.isolane.core.coordinator;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.Lane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What becomes of the classes a worker JVM held when it died: a class past its timeout ends as a timeout; in an
 * isolated JVM the class ends as crashed; in the shared JVM the culprit ends as crashed, and the others are retried,
 * in a fresh shared JVM, or each alone when the culprit is unknown, at most {@link #MAX_ATTEMPTS} times in all.
 */
final class CrashRecovery {

    /** A class runs at most this often: once, and again after JVMs died beside it. */
    static final int MAX_ATTEMPTS = 3;
    /** Shared JVMs in a row that die before connecting, after which the shared classes left are given up. */
    static final int SHARED_START_ATTEMPTS = 2;
    private static final int LOG_TAIL_BYTES = 4096;

    /** Where the classes go: the coordinator's results, warnings and queues. */
    interface Outcomes {
        void complete(ClassRun run);

        void warn(String warning);

        /** Run these again from the start, before anything else waiting for that lane. */
        void retry(List<ClassRun> runs, Lane lane);
    }

    private final Duration timeout;
    private final Path workingDirectory;
    private final Outcomes outcomes;

    /** @param workingDirectory where a native crash report may have been written */
    CrashRecovery(Duration timeout, Path workingDirectory, Outcomes outcomes) {
        this.timeout = timeout;
        this.workingDirectory = workingDirectory;
        this.outcomes = outcomes;
    }

    /** A worker is gone and everything it sent has been read; these classes were in it. */
    void workerDied(WorkerHandle worker, List<ClassRun> inFlight) {
        if (inFlight.isEmpty()) {
            return;
        }
        inFlight.forEach(ClassRun::gatherEvidence);
        Crash crash = Crash.analyze(worker, worker.exitCode(), inFlight, workingDirectory);
        List<ClassRun> victims = new ArrayList<>();
        for (ClassRun run : inFlight) {
            if (run.isRerunningFailures() && !run.isTimedOut()) {
                outcomes.warn("The JVM (pid " + worker.pid() + ") rerunning the failed tests of " + run.className()
                        + " " + crash.how() + "; they keep the results they had.");
                run.rerunLost();
                outcomes.complete(run);
            } else if (run.isTimedOut()) {
                run.endAbnormally(ClassOutcome.TIMEOUT, FaultText.timeout(run, worker, timeout, null,
                        "its JVM (pid " + worker.pid() + ") " + crash.how() + " before a thread dump was taken",
                        Crash.classOutput(run)));
                outcomes.complete(run);
            } else if (worker.lane() == Lane.ISOLATED || run == crash.culprit()) {
                crashed(run, worker, crash, true);
            } else {
                victims.add(run);
            }
        }
        victims.stream().filter(run -> run.attempts() >= MAX_ATTEMPTS).forEach(run -> crashed(run, worker, crash,
                false));
        List<ClassRun> again = victims.stream().filter(run -> run.attempts() < MAX_ATTEMPTS).toList();
        if (again.isEmpty()) {
            return;
        }
        String died = "the shared JVM (pid " + worker.pid() + ") " + crash.how() + " while it ran beside "
                + (crash.culprit() == null ? "other classes" : crash.culprit().className());
        if (crash.culprit() != null) {
            outcomes.warn("Re-running " + names(again) + " in a fresh shared JVM: " + died + ", which is to blame.");
            retry(again, Lane.SHARED, died);
        } else {
            retryAlone(again, died + ", and Isolane cannot tell which class caused it");
        }
    }

    /**
     * A class ran out of memory in the shared JVM, whose heap it shared: when other classes ran beside it, it gets
     * another attempt in a JVM of its own, where nothing else can have used the heap up.
     *
     * @return whether it was retried; if not, its result stands
     */
    boolean outOfMemory(ClassRun run, WorkerHandle worker) {
        if (!run.hadCompany() || run.attempts() >= MAX_ATTEMPTS) {
            return false;
        }
        retryAlone(List.of(run), run.className() + " ran out of memory in the shared JVM (pid " + worker.pid()
                + "), whose heap it shared with other classes; the class that used the heap up may be another one");
        return true;
    }

    /** No shared JVM could start: the shared classes left are reported crashed with the last one's output. */
    void sharedJvmUnstartable(WorkerHandle last, List<ClassRun> waiting) {
        String detail = "The shared JVM could not start: " + SHARED_START_ATTEMPTS + " in a row exited before they"
                + " connected to the coordinator" + (last == null ? "." : ", the last with code " + last.exitCode()
                + ". Its output:\n" + last.logTail(LOG_TAIL_BYTES));
        for (ClassRun run : waiting) {
            run.endAbnormally(ClassOutcome.CRASHED, detail);
            outcomes.complete(run);
        }
    }

    private void crashed(ClassRun run, WorkerHandle worker, Crash crash, boolean blamed) {
        run.endAbnormally(ClassOutcome.CRASHED, FaultText.crashed(run, worker, crash, blamed,
                Crash.classOutput(run)));
        outcomes.complete(run);
    }

    /** Run each class again in a JVM of its own, where nothing else can be to blame for what happens to it. */
    private void retryAlone(List<ClassRun> again, String reason) {
        outcomes.warn("Re-running " + names(again) + " in " + (again.size() == 1 ? "a JVM of its own"
                : "JVMs of their own") + ": " + reason + ".");
        retry(again, Lane.ISOLATED, reason);
    }

    private void retry(List<ClassRun> again, Lane lane, String reason) {
        again.forEach(run -> run.retry(lane, reason));
        outcomes.retry(again, lane);
    }

    private static String names(List<ClassRun> runs) {
        return runs.stream().map(ClassRun::className).collect(Collectors.joining(", "));
    }
}
