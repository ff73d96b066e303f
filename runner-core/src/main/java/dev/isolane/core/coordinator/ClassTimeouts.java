package dev.isolane.core.coordinator;

import dev.isolane.core.launch.LaunchTimeouts;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The per-class {@code timeout}: marks the classes that ran past it, asks their JVM for a thread dump, and ends them
 * with it. A JVM that does not answer within {@link LaunchTimeouts#THREAD_DUMP} has its classes reported without one.
 * An isolated JVM is killed; a thread cannot be stopped inside the shared JVM, which therefore retires.
 */
final class ClassTimeouts {

    private final Duration timeout;
    private final WorkerPool pool;
    private final Function<String, ClassRun> runs;
    private final Consumer<ClassRun> complete;

    /**
     * @param timeout  how long a class may run; zero for no limit
     * @param runs     the class runs by name
     * @param complete where an ended class is reported
     */
    ClassTimeouts(Duration timeout, WorkerPool pool, Function<String, ClassRun> runs, Consumer<ClassRun> complete) {
        this.timeout = timeout;
        this.pool = pool;
        this.runs = runs;
        this.complete = complete;
    }

    /**
     * Look at the clock: ask each JVM holding a class past its time for a thread dump.
     *
     * @return the JVMs whose thread dump did not come in time; {@link #report} their late classes without one
     */
    List<WorkerHandle> check(List<WorkerHandle> workers, long now) {
        List<WorkerHandle> noDump = new ArrayList<>();
        if (timeout.isZero()) {
            return noDump;
        }
        for (WorkerHandle worker : workers) {
            if (worker.hasExited()) {
                continue;
            }
            boolean expired = false;
            for (String name : worker.classesInFlight()) {
                ClassRun run = runs.apply(name);
                if (!run.isTimedOut() && run.runningNanos(now) > timeout.toNanos()) {
                    run.markTimedOut();
                    expired = true;
                }
            }
            if (expired && !worker.isDumpPending()) {
                worker.dumpRequested(now);
                worker.send(new Message.DumpThreads());
            } else if (worker.isDumpPending()
                    && now - worker.dumpRequestedNanos() > LaunchTimeouts.THREAD_DUMP.toNanos()) {
                noDump.add(worker);
            }
        }
        return noDump;
    }

    /**
     * End the classes of this worker that ran out of time.
     *
     * @param dump           its thread dump, or null when none came
     * @param classesWaiting whether shared classes still wait for a JVM (said when the shared JVM retires)
     */
    void report(WorkerHandle worker, String dump, boolean classesWaiting) {
        worker.dumpAnswered();
        List<ClassRun> late = worker.classesInFlight().stream().map(runs).filter(ClassRun::isTimedOut).toList();
        if (late.isEmpty()) {
            return;
        }
        if (worker.lane() == Lane.SHARED) {
            pool.retire(worker, "a class in it ran past the timeout", classesWaiting);
        }
        for (ClassRun run : late) {
            run.gatherEvidence();
            worker.classesInFlight().remove(run.className());
            int stillRunning = worker.classesInFlight().size();
            String fate = worker.lane() == Lane.ISOLATED
                    ? "its isolated JVM (pid " + worker.pid() + ") was killed"
                    : "its thread cannot be stopped inside the shared JVM (pid " + worker.pid() + "), so that JVM"
                            + " takes no more classes and ends " + (stillRunning == 0 ? "now"
                            : stillRunning == 1 ? "once the other class running in it finishes"
                            : "once the " + stillRunning + " other classes running in it finish")
                            + "; the class's lane went to the next class";
            run.endAbnormally(ClassOutcome.TIMEOUT, FaultText.timeout(run, worker, timeout, dump, fate,
                    Crash.classOutput(run)));
            complete.accept(run);
        }
        if (worker.lane() == Lane.ISOLATED) {
            worker.kill();
        }
        pool.releaseIfIdle(worker);
    }
}
