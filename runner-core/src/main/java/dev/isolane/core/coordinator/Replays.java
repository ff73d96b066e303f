package dev.isolane.core.coordinator;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunLog;
import dev.isolane.core.launch.WorkerServer;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.protocol.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;

/**
 * Runs replay JVMs after the run's lanes are done, to confirm violations ({@code confirm}): each job is a fresh JVM on
 * the run's class path and settings that runs its classes one after the other, up to {@code forks} JVMs at once. A
 * JVM that crashes, outlives its job's limit, or is still running when the budget ends is ended and its job reported
 * as failed; nothing here fails or hangs the run.
 *
 * <p>Two classes in one JVM need no worker of their own: an isolated worker runs the classes it is sent on its one
 * thread, in the order sent, so the writer's {@code RunClass} goes first and the reader's second. The worker runs
 * without the detection agent (nothing to detect when classes run one at a time) but stops exits (see
 * {@link WorkerPool#startReplay}).
 */
@API(status = INTERNAL, since = "0.1")
public final class Replays {

    private static final long TICK_MILLIS = 250;

    /**
     * One replay JVM.
     *
     * @param id          the caller's name for it, given back with its result
     * @param classes     the classes it runs, in order
     * @param limitMillis how long it may take, start-up included, before it is ended as hung
     */
    public record Job(String id, List<String> classes, long limitMillis) {
        public Job {
            Objects.requireNonNull(id, "id");
            classes = List.copyOf(classes);
        }
    }

    /**
     * What a replay JVM gave.
     *
     * @param tests   each class's test results, for the classes that finished
     * @param failure why the job did not finish (crashed, hung, stopped when the budget ended); null when it did
     */
    public record Result(Job job, Map<String, List<TestResult>> tests, String failure) {
        public Result {
            tests = Map.copyOf(tests);
        }

        public boolean finished() {
            return failure == null;
        }
    }

    /** Hands out the jobs, most wanted first, and takes their results; called on one thread only. */
    public interface Jobs {
        /**
         * The next job to start, or null when none is left that could finish in time.
         *
         * @param remainingMillis the budget left; -1 for no limit
         */
        Job next(long remainingMillis);

        void finished(Result result);
    }

    /** How the replays went: JVMs started and the wall time they took. */
    public record Stats(int jvms, long millis) {}

    private final RunConfig config;
    private final RunLog log;

    public Replays(RunConfig config, RunLog log) {
        this.config = config;
        this.log = log;
    }

    /**
     * Run jobs until none is left or the budget is spent.
     *
     * @param budgetMillis the wall time the replays may take; -1 for no limit
     */
    public Stats run(Jobs jobs, long budgetMillis) throws IOException, InterruptedException {
        long began = System.nanoTime();
        long deadline = budgetMillis < 0 ? Long.MAX_VALUE : began + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Path runDirectory = RunDirectories.create(config.workDirectory());
        Map<WorkerHandle, Running> running = new LinkedHashMap<>();
        int started = 0;
        WorkerPool pool = null;
        AtomicReference<WorkerPool> forHook = new AtomicReference<>();
        Thread killer = new Thread(() -> {
            WorkerPool current = forHook.get();
            if (current != null) {
                current.killAll(); // the build is going away (Ctrl-C): no replay JVM may outlive it
            }
        }, "isolane-replay-shutdown");
        Runtime.getRuntime().addShutdownHook(killer);
        try (WorkerServer server = new WorkerServer()) {
            // The run already said what its launcher prints (archives, the module path); say it once.
            pool = new WorkerPool(config, quiet(log), runDirectory, server, events);
            forHook.set(pool);
            while (true) {
                long now = System.nanoTime();
                while (running.size() < config.forks() && now < deadline) {
                    long remaining = budgetMillis < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(deadline - now);
                    Job job = jobs.next(remaining);
                    if (job == null) {
                        break;
                    }
                    running.put(pool.startReplay(), new Running(job, now));
                    started++;
                }
                if (running.isEmpty()) {
                    break;
                }
                Event event = events.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                if (event != null) {
                    handle(pool, event, running, jobs);
                }
                now = System.nanoTime();
                for (Map.Entry<WorkerHandle, Running> entry : List.copyOf(running.entrySet())) {
                    Running job = entry.getValue();
                    if (now >= deadline) {
                        end(entry.getKey(), running, jobs, "stopped when the replay budget of "
                                + seconds(budgetMillis) + " ran out");
                    } else if (now - job.startedNanos > TimeUnit.MILLISECONDS.toNanos(job.job.limitMillis())) {
                        end(entry.getKey(), running, jobs, "did not finish within " + seconds(job.job.limitMillis())
                                + " (its log: " + entry.getKey().logFile() + ")");
                    }
                }
            }
        } finally {
            WorkerPool.end(pool, killer);
        }
        return new Stats(started, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    private void handle(WorkerPool pool, Event event, Map<WorkerHandle, Running> running, Jobs jobs) {
        if (event instanceof Event.Connected connected) {
            WorkerHandle worker = connected.worker();
            Running job = running.get(worker);
            if (job == null) {
                worker.shutdown();
                return;
            }
            worker.send(configure());
            job.job.classes().forEach(name -> worker.send(new Message.RunClass(name)));
        } else if (event instanceof Event.Received received) {
            Running job = running.get(received.worker());
            if (job == null) {
                return;
            }
            if (received.message() instanceof Message.TestsFinished batch) {
                job.tests.computeIfAbsent(batch.className(), name -> new ArrayList<>()).addAll(batch.results());
            } else if (received.message() instanceof Message.ClassFinished done) {
                // The last of a class's results come with it (a short class sends no batch at all).
                job.tests.computeIfAbsent(done.className(), name -> new ArrayList<>()).addAll(done.results());
                job.finished.add(done.className());
                if (job.finished.containsAll(job.job.classes())) {
                    running.remove(received.worker());
                    received.worker().shutdown();
                    jobs.finished(new Result(job.job, job.tests, null));
                }
            } else if (received.message() instanceof Message.WorkerFailure failure) {
                end(received.worker(), running, jobs, "failed: " + failure.message());
            }
        } else if (event instanceof Event.Exited exited) {
            if (pool.exited(exited.worker(), exited.exitCode())) {
                end(exited.worker(), running, jobs, "exited with code " + exited.exitCode() + " (its log: "
                        + exited.worker().logFile() + ")");
            }
        } else if (event instanceof Event.ChannelClosed closed) {
            if (pool.channelClosed(closed.worker())) {
                Integer code = closed.worker().exitCode();
                end(closed.worker(), running, jobs, "exited with code " + code + " (its log: "
                        + closed.worker().logFile() + ")");
            }
        }
    }

    /** End a job that did not finish: its JVM goes, and its result says why. */
    private static void end(WorkerHandle worker, Map<WorkerHandle, Running> running, Jobs jobs, String why) {
        Running job = running.remove(worker);
        if (job == null) {
            return;
        }
        worker.kill();
        jobs.finished(new Result(job.job, job.tests, why));
    }

    /** The same filters and JUnit settings as the run's workers got, without the XML's system properties. */
    private Message.Configure configure() {
        return new Message.Configure(config.selection().methodFilter(), config.selection().groups(),
                config.selection().excludedGroups(), config.selection().includeEngines(),
                config.selection().excludeEngines(), config.configurationParameters(),
                config.runOrder().at(LocalTime.now().getHour()).jupiterDefaults(), false,
                config.keepChildProcesses());
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static RunLog quiet(RunLog log) {
        return new RunLog() {
            @Override
            public void info(String line) {
                log.debug(line);
            }

            @Override
            public void warn(String line) {
                log.warn(line);
            }

            @Override
            public void error(String line) {
                log.error(line);
            }

            @Override
            public void debug(String line) {
                log.debug(line);
            }
        };
    }

    /** A job's JVM and what it has sent so far. */
    private static final class Running {
        final Job job;
        final long startedNanos;
        final Map<String, List<TestResult>> tests = new LinkedHashMap<>();
        final Set<String> finished = new HashSet<>();

        Running(Job job, long startedNanos) {
            this.job = job;
            this.startedNanos = startedNanos;
        }
    }
}
