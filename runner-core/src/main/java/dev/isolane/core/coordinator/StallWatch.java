package dev.isolane.core.coordinator;

import dev.isolane.core.protocol.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * With no {@code timeout}, a class that runs far longer than it usually takes is shown before anyone has to kill the
 * build: once per class, its JVM is asked for a thread dump, and the console gets where the class's thread waits. The
 * run goes on; with a {@code timeout} set, the timeout does this job.
 */
final class StallWatch {

    /** Without history a class is shown after this long. */
    static final long NO_HISTORY_MILLIS = TimeUnit.MINUTES.toMillis(10);
    /** With history, after this many times its usual duration, ... */
    static final int TIMES_USUAL = 10;
    /** ... but never before this: a class of a few milliseconds may take a few seconds on a busy machine. */
    static final long MIN_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final boolean enabled;
    private final Function<String, OptionalLong> usualMillis;
    private final Function<String, ClassRun> runs;
    private final Consumer<String> warn;

    /**
     * @param usualMillis how long a class took last time, from the history file
     * @param warn        where the class's stack goes: the console, and the report's warnings
     */
    StallWatch(Duration timeout, Function<String, OptionalLong> usualMillis, Function<String, ClassRun> runs,
            Consumer<String> warn) {
        this.enabled = timeout.isZero();
        this.usualMillis = usualMillis;
        this.runs = runs;
        this.warn = warn;
    }

    /** How long the class took last time, from the history file; empty when it does not know the class. */
    OptionalLong usualMillis(String className) {
        return usualMillis.apply(className);
    }

    /** How long a class may run before it is shown. */
    long thresholdMillis(String className) {
        OptionalLong usual = usualMillis.apply(className);
        return usual.isPresent() ? Math.max(MIN_MILLIS, TIMES_USUAL * usual.getAsLong()) : NO_HISTORY_MILLIS;
    }

    /** Ask each JVM holding a class past its threshold for a thread dump, once per class. */
    void check(List<WorkerHandle> workers, long now) {
        if (!enabled) {
            return;
        }
        for (WorkerHandle worker : workers) {
            if (worker.hasExited()) {
                continue;
            }
            boolean ask = false;
            for (String name : worker.classesInFlight()) {
                ClassRun run = runs.apply(name);
                if (!run.isStallShown()
                        && TimeUnit.NANOSECONDS.toMillis(run.runningNanos(now)) > thresholdMillis(name)) {
                    run.markStallShown();
                    worker.stalledClasses().add(name);
                    ask = true;
                }
            }
            if (ask && !worker.isDumpPending()) {
                worker.send(new Message.DumpThreads());
            }
        }
    }

    /** A thread dump came: show the stalled classes of that worker with their own thread's stack. */
    void dumped(WorkerHandle worker, String dump, long now) {
        List<String> shown = new ArrayList<>(worker.stalledClasses());
        worker.stalledClasses().clear();
        for (String name : shown) {
            ClassRun run = runs.apply(name);
            if (run == null || run.isDone()) {
                continue;
            }
            OptionalLong usual = usualMillis.apply(name);
            StringBuilder text = new StringBuilder().append(name).append(" has run ")
                    .append(seconds(TimeUnit.NANOSECONDS.toMillis(run.runningNanos(now))))
                    .append(usual.isPresent() ? ", more than " + TIMES_USUAL + " times the " + seconds(usual.getAsLong())
                            + " it took last time" : ", and the history file does not know it")
                    .append(" (pid ").append(worker.pid()).append("). No timeout is set, so it goes on; set")
                    .append(" 'timeout' to stop a class that hangs.\n");
            String deadlock = ThreadDumpText.deadlockOf(dump, name, run.thread());
            if (deadlock != null) {
                text.append(deadlock).append('\n');
            }
            String own = ThreadDumpText.thread(dump, run.thread());
            text.append(own != null ? "Its thread now:\n" + own.stripTrailing() : "Its thread " + run.thread()
                    + " is not in the JVM's thread dump.");
            warn.accept(text.toString());
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, millis < 10_000 ? "%.1f s" : "%.0f s", millis / 1000.0);
    }
}
