package dev.isolane.core.coordinator;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunFailedException;
import dev.isolane.core.RunLog;
import dev.isolane.core.RunOrder;
import dev.isolane.core.ShardShare;
import dev.isolane.core.SharedThreads;
import dev.isolane.core.history.History;
import dev.isolane.core.launch.WorkerServer;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.SharedLaneSizing;
import dev.isolane.core.model.TestClass;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.plan.Planner;
import dev.isolane.core.plan.RunPlan;
import dev.isolane.core.plan.ShardSplit;
import dev.isolane.core.protocol.Message;
import dev.isolane.core.report.ConsoleReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Runs in the build tool's JVM and never loads a test class. It starts the shared worker (which also discovers the
 * tests), hands classes to it {@code threads} at a time as lanes free up, and starts one fresh JVM per isolated class,
 * {@code forks} at a time, alongside. Every state change happens on the thread that calls {@link #run}, driven by
 * one queue of events from the workers; the decisions are the {@link Planner}'s (lanes, order), the {@link
 * WorkerPool}'s (which JVM), {@link CrashRecovery}'s (a dead JVM's classes), {@link ClassTimeouts}' and {@link
 * FailureSkipping}'s.
 */
@API(status = INTERNAL, since = "0.1")
public final class Coordinator {

    /** How often the event loop looks at the clock when no event comes. */
    private static final long TICK_MILLIS = 250;
    private static final int LOG_TAIL_BYTES = 4096;

    private final RunConfig config;
    /** The run's log, around the status line when there is one. */
    private final RunLog log;
    /** The progress on an interactive terminal; null when the progress is lines, or off. */
    private final StatusLine statusLine;
    /** The configured order, hourly resolved to this hour's. */
    private final RunOrder order;
    private final Planner planner;
    private final History history;
    private final CrashRecovery recovery;
    private final FailureSkipping skipping;
    private final SharedLaneSizer sizer;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, ClassRun> runs = new LinkedHashMap<>();
    private final Deque<ClassRun> sharedQueue = new ArrayDeque<>();
    private final Deque<ClassRun> isolatedQueue = new ArrayDeque<>();
    /** Classes whose failed tests wait for a fresh JVM to run again in (rerunFailingTestsCount). */
    private final Deque<ClassRun> rerunQueue = new ArrayDeque<>();
    private final List<ClassResult> finished = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<ClassState> states = new ArrayList<>();
    /** Read by the shutdown hook too. */
    private volatile WorkerPool pool;
    private ClassTimeouts timeouts;
    private final StallWatch stalls;
    /** Set when classes begin to run. */
    private Progress progress;
    /** Set once discovery has said which classes run where; until then spares wait. */
    private boolean planned;
    /** This shard's part of the suite, when the run is one shard of several; null otherwise. */
    private ShardShare shardShare;

    /**
     * @param history what earlier runs recorded: durations (longest classes start first) and, with
     *                {@code isolation=auto}, the classes to isolate
     */
    public Coordinator(RunConfig config, RunLog log, History history) {
        this.config = config;
        this.statusLine = config.reportOptions().progress() && config.reportOptions().statusLine()
                ? StatusLine.onConsole(log, System.getenv()) : null;
        this.log = statusLine == null ? log : statusLine;
        this.order = config.runOrder().at(LocalTime.now().getHour());
        this.planner = new Planner(config.isolation(), config.forks(), history, order);
        this.history = history;
        this.skipping = new FailureSkipping(config.skipAfterFailureCount());
        this.stalls = new StallWatch(config.timeout(), planner::usualMillis, runs::get, this::warn);
        this.sizer = new SharedLaneSizer(config.threads(), Runtime.getRuntime().availableProcessors(),
                SharedLaneSizer.systemMeter(), System.nanoTime());
        this.recovery = new CrashRecovery(config.timeout(), config.workingDirectory(), new CrashRecovery.Outcomes() {
            @Override
            public void complete(ClassRun run) {
                Coordinator.this.complete(run);
            }

            @Override
            public void warn(String warning) {
                Coordinator.this.warn(warning);
            }

            @Override
            public void retry(List<ClassRun> again, Lane lane) {
                Deque<ClassRun> queue = lane == Lane.SHARED ? sharedQueue : isolatedQueue;
                for (int i = again.size() - 1; i >= 0; i--) {
                    queue.addFirst(again.get(i));
                }
            }
        });
    }

    /**
     * What a run produced: class results in the order they finished, warnings, the state classes touched, and how
     * many classes the shared JVM ran at once; and when the run was one shard of several, what it took of the suite
     * (null otherwise).
     */
    public record Outcome(List<ClassResult> classes, List<String> warnings, List<ClassState> states,
            SharedLaneSizing sharedLanes, ShardShare shardShare) {}

    /**
     * Discover and run the candidate classes.
     *
     * @throws RunFailedException when no worker could start or discovery failed, so no test could run
     */
    public Outcome run(List<String> candidates) throws IOException, InterruptedException {
        Path runDirectory = RunDirectories.create(config.workDirectory());
        Thread killer = new Thread(() -> {
            endStatusLine(); // Ctrl-C: the prompt comes back on a clean line
            WorkerPool current = pool;
            if (current != null) {
                current.killAll();
            }
        }, "isolane-shutdown");
        Runtime.getRuntime().addShutdownHook(killer);
        try (WorkerServer server = new WorkerServer()) {
            pool = new WorkerPool(config, log, runDirectory, server, events);
            timeouts = new ClassTimeouts(config.timeout(), pool, runs::get, this::complete);
            plan(discover(candidates));
            execute();
            return new Outcome(finished, warnings, states, sizer.sizing(), shardShare);
        } finally {
            endStatusLine();
            WorkerPool.end(pool, killer);
        }
    }

    private void endStatusLine() {
        if (statusLine != null) {
            statusLine.close();
        }
    }

    private List<TestClass> discover(List<String> candidates) throws IOException, InterruptedException {
        WorkerHandle shared = pool.startShared();
        // Isolated JVMs start while the shared one discovers, so the first isolated classes find one ready.
        for (int i = planner.spares(); i > 0; i--) {
            pool.startIsolated(true);
        }
        while (true) {
            Event event = events.take();
            if (event instanceof Event.Connected connected && connected.worker() == shared) {
                shared.send(configure());
                shared.send(new Message.Discover(candidates));
            } else if (event instanceof Event.Received received
                    && received.message() instanceof Message.Discovered answer) {
                answer.problems().forEach(problem -> warn("JUnit could not inspect " + problem));
                return answer.classes();
            } else if (event instanceof Event.Received received
                    && received.message() instanceof Message.WorkerFailure failure) {
                throw new RunFailedException("Test discovery failed in the worker JVM: " + failure.message()
                        + "\n" + failure.stackTrace());
            } else if (event instanceof Event.Exited exited && exited.worker() == shared) {
                pool.exited(shared, exited.exitCode());
                throw new RunFailedException("The worker JVM exited with code " + exited.exitCode()
                        + " before it could discover the tests. Its output:\n" + shared.logTail(LOG_TAIL_BYTES)
                        + "\nCheck 'argLine', 'jvm' and the test classpath; the whole log is " + shared.logFile());
            } else {
                handle(event); // a spare isolated JVM connecting, say
            }
        }
    }

    private void plan(List<TestClass> discovered) {
        RunPlan plan = planner.plan(config.shard() == null ? discovered : thisShard(discovered));
        plan.shared().forEach(name -> sharedQueue.add(track(name, Lane.SHARED)));
        plan.isolated().forEach(name -> isolatedQueue.add(track(name, Lane.ISOLATED)));
        plan.autoIsolated().forEach(name -> log.info("Isolating " + name + (planner.isConfirmedViolator(name)
                ? ": the history file records it changing shared state in a way that, replayed, changed another"
                + " class's test outcome (confirmed, isolation=auto)"
                : ": the history file records it changing shared state that other classes saw or that it left changed"
                + " (isolation=auto)")));
        if (shardShare == null || plan.size() > 0) {
            log.info(String.format("Running %d test class%s: %d in a shared JVM on %s, %d in isolated JVMs"
                    + " (at most %d at once)", plan.size(), plan.size() == 1 ? "" : "es", plan.shared().size(),
                    threadsText(), plan.isolated().size(), config.forks()));
        }
        if (order.kind() != RunOrder.Kind.LONGEST_FIRST) {
            log.info("Classes start in " + order.label() + " order (runOrder="
                    + config.runOrder().kind().surefireName() + ")");
        }
        if (sharedQueue.isEmpty()) {
            pool.lastShared().shutdown();
        }
        planned = true;
    }

    /** Every shard discovers the whole suite and keeps its own part of it, so that all split the same list. */
    private List<TestClass> thisShard(List<TestClass> discovered) {
        ShardSplit.Share share = ShardSplit.share(discovered, planner::isolates, history, config.shard());
        shardShare = share.record();
        log.info(ConsoleReport.shardLine(shardShare));
        return share.classes();
    }

    private String threadsText() {
        SharedThreads threads = config.threads();
        return threads.isAuto() ? threads.start() + " threads to start (threads=auto, up to " + threads.cap() + ")"
                : threads.start() + " thread" + (threads.start() == 1 ? "" : "s");
    }

    private ClassRun track(String className, Lane lane) {
        ClassRun run = new ClassRun(className, lane);
        runs.put(className, run);
        return run;
    }

    private void execute() throws IOException, InterruptedException {
        progress = new Progress(config.reportOptions().progress(), stalls::usualMillis, log::info, statusLine,
                System.nanoTime());
        dispatch();
        long lookedAtClock = System.nanoTime();
        while (finished.size() < runs.size()) {
            Event event = events.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
            if (event != null) {
                handle(event);
            }
            long now = System.nanoTime();
            // The clock's rules need a look per tick, not per event: results arrive by the hundred.
            if (now - lookedAtClock >= TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)) {
                lookedAtClock = now;
                for (WorkerHandle late : timeouts.check(pool.all(), now)) {
                    timeouts.report(late, null, !sharedQueue.isEmpty());
                }
                stalls.check(pool.all(), now);
                WorkerHandle shared = pool.acceptingShared();
                sizer.tick(now, shared == null ? -1 : shared.pid(), !sharedQueue.isEmpty(),
                        pool.sharedLanesBusy());
                progress.tick(now, runs.values(), sizer.lanes(), config.forks());
            }
            dispatch();
        }
    }

    /**
     * Fill every free lane: up to {@code threads} classes in shared JVMs, and up to {@code forks} isolated JVMs. A
     * retired shared JVM keeps its lanes until its classes finish; new classes go to a fresh one.
     */
    private void dispatch() throws IOException {
        if (!sharedQueue.isEmpty() && pool.needsNewShared()) {
            if (pool.sharedUnstartable()) {
                List<ClassRun> waiting = new ArrayList<>(sharedQueue);
                sharedQueue.clear();
                recovery.sharedJvmUnstartable(pool.lastShared(), waiting);
            } else {
                pool.startShared();
            }
        }
        WorkerHandle shared = pool.acceptingShared();
        while (shared != null && pool.sharedLanesBusy() < sizer.lanes() && !sharedQueue.isEmpty()) {
            ClassRun run = sharedQueue.poll();
            run.assignTo(shared);
            shared.classesInFlight().add(run.className());
            if (shared.classesInFlight().size() > 1) {
                shared.classesInFlight().forEach(name -> runs.get(name).markHadCompany());
            }
            shared.send(new Message.RunClass(run.className()));
        }
        // Reruns of failed tests first: their classes are waiting to be reported.
        while (!rerunQueue.isEmpty() || !isolatedQueue.isEmpty()) {
            Deque<ClassRun> queue = rerunQueue.isEmpty() ? isolatedQueue : rerunQueue;
            ClassRun run = queue.peek();
            // A class run again after its JVM died (out of memory, say) gets the JDK's defaults, not the lean JVM:
            // the serial collector cannot place arrays as large as the default one can.
            boolean lean = run.retryReason() == null && planner.startsLean(run.className());
            WorkerHandle worker = lean ? pool.idleSpare() : null;
            if (worker == null) {
                if (pool.busyIsolated() < config.forks()) {
                    worker = pool.startIsolated(lean);
                } else {
                    // The forks may all be spares started ahead, lean ones: a class that ran long takes one rather
                    // than wait for a fork that nothing would ever free (the spares end only once the queue is empty).
                    worker = pool.idleSpare();
                    if (worker == null) {
                        break;
                    }
                }
            }
            queue.poll();
            run.assignTo(worker);
            worker.classesInFlight().add(run.className());
            if (worker.isConnected()) {
                sendRunClass(worker, run);
            }
        }
        if (planned && rerunQueue.isEmpty() && isolatedQueue.isEmpty()) {
            pool.shutDownIdleSpares();
        }
    }

    private void sendRunClass(WorkerHandle worker, ClassRun run) {
        worker.send(new Message.RunClass(run.className(), run.isRerunningFailures() ? run.rerunIds() : List.of()));
    }

    private void handle(Event event) {
        if (event instanceof Event.Connected connected) {
            WorkerHandle worker = connected.worker();
            worker.send(configure());
            pool.connected(worker);
            if (worker.lane() == Lane.ISOLATED) {
                worker.classesInFlight().forEach(name -> sendRunClass(worker, runs.get(name)));
            }
        } else if (event instanceof Event.Received received) {
            handleMessage(received.worker(), received.message());
        } else if (event instanceof Event.ChannelClosed closed) {
            if (pool.channelClosed(closed.worker())) {
                workerDied(closed.worker());
            }
        } else if (event instanceof Event.Exited exited) {
            if (pool.exited(exited.worker(), exited.exitCode())) {
                workerDied(exited.worker());
            }
        }
    }

    private void handleMessage(WorkerHandle worker, Message message) {
        if (message instanceof Message.ThreadDump dump) {
            stalls.dumped(worker, dump.text(), System.nanoTime());
            timeouts.report(worker, dump.text(), !sharedQueue.isEmpty());
        } else if (message instanceof Message.WorkerExiting word) {
            worker.lastWord(word);
        } else if (message instanceof Message.ProcessesLeft left) {
            warn(FaultText.processesLeft(left, config.keepChildProcesses()));
        } else if (message instanceof Message.WorkerFailure failure) {
            warn("Worker " + worker.id() + " (pid " + worker.pid() + ") failed: " + failure.message());
            worker.failed(failure.message());
            worker.kill();
        } else if (message instanceof Message.ExitIntercepted exit) {
            ClassRun run = exit.className() == null ? null : current(worker, exit.className());
            if (run != null) {
                run.exitStopped(exit);
            } else {
                warn(FaultText.strayExitStopped(exit, worker));
            }
        } else if (message instanceof Message.ClassStarted started) {
            ifCurrent(worker, started.className(), run -> run.started(started.thread(), started.startMillis()));
        } else if (message instanceof Message.TestsFinished batch) {
            ifCurrent(worker, batch.className(), run -> add(run, batch.results()));
        } else if (message instanceof Message.ClassFinished done) {
            // What a class did to shared state happened, even when the class's result comes from elsewhere; and the
            // JVM's properties are its own, whoever's class reports them.
            if (done.state() != null) {
                states.add(done.state());
            }
            if (done.systemProperties() != null) {
                worker.systemProperties(done.systemProperties());
            }
            ifCurrent(worker, done.className(), run -> {
                add(run, done.results());
                classFinished(worker, run, done);
            });
            if (worker.lane() == Lane.ISOLATED) {
                worker.shutdown();
            }
        }
    }

    private void add(ClassRun run, List<TestResult> results) {
        for (TestResult result : results) {
            run.add(config.trimStackTrace() ? StackTraces.trimmed(result, run.className()) : result);
        }
    }

    private void classFinished(WorkerHandle worker, ClassRun run, Message.ClassFinished done) {
        run.systemProperties(worker.systemProperties());
        run.finished(done.endMillis(), done.stdout(), done.stderr());
        worker.classesInFlight().remove(run.className());
        if (run.lane() == Lane.SHARED && run.ranOutOfMemory()) {
            // Whatever used the heap up, the JVM is in doubt now (a class initializer may have failed half way).
            pool.retire(worker, "a class in it ran out of memory", !sharedQueue.isEmpty());
            if (recovery.outOfMemory(run, worker)) {
                pool.releaseIfIdle(worker);
                return;
            }
        }
        List<String> again = run.testsToRerun(config.rerunFailingTestsCount());
        if (again.isEmpty()) {
            complete(run);
        } else {
            log.info("Rerunning " + again.size() + " failed test" + (again.size() == 1 ? "" : "s") + " of "
                    + run.className() + " in a fresh JVM (rerunFailingTestsCount="
                    + config.rerunFailingTestsCount() + ")");
            run.startRerun();
            rerunQueue.add(run);
        }
        pool.releaseIfIdle(worker);
    }

    private Message.Configure configure() {
        return new Message.Configure(config.selection().methodFilter(), config.selection().groups(),
                config.selection().excludedGroups(), config.selection().includeEngines(),
                config.selection().excludeEngines(), config.configurationParameters(), order.jupiterDefaults(),
                config.reportOptions().xml(), config.keepChildProcesses());
    }

    /** A message about a class counts only while the class is running in that worker; later ones are stale. */
    private ClassRun current(WorkerHandle worker, String className) {
        ClassRun run = runs.get(className);
        return run != null && !run.isDone() && run.worker() == worker
                && worker.classesInFlight().contains(className) ? run : null;
    }

    private void ifCurrent(WorkerHandle worker, String className, Consumer<ClassRun> action) {
        ClassRun run = current(worker, className);
        if (run != null) {
            action.accept(run);
        } else {
            log.debug("Ignoring a late message about " + className + " from worker " + worker.id());
        }
    }

    /** A worker is gone and everything it sent has been read: its classes end as what happened to them. */
    private void workerDied(WorkerHandle worker) {
        if (!worker.markDeathHandled()) {
            return;
        }
        List<ClassRun> inFlight = worker.classesInFlight().stream().map(runs::get).toList();
        worker.classesInFlight().clear();
        recovery.workerDied(worker, inFlight);
    }

    private void complete(ClassRun run) {
        ClassResult result = run.result();
        finished.add(result);
        ConsoleReport.classFinished(log, result, config.reportOptions().printSummary());
        if (progress != null) {
            progress.finished(result);
        }
        if (skipping.countReachesLimit(result)) {
            skipNotStarted();
        }
    }

    /** Classes already running finish; those not started yet are skipped. */
    private void skipNotStarted() {
        List<ClassRun> notStarted = new ArrayList<>(sharedQueue);
        notStarted.addAll(isolatedQueue);
        sharedQueue.clear();
        isolatedQueue.clear();
        if (notStarted.isEmpty()) {
            return;
        }
        String reason = skipping.reason();
        log.warn(reason + "; skipping the " + notStarted.size() + " class" + (notStarted.size() == 1 ? "" : "es")
                + " not started yet");
        for (ClassRun run : notStarted) {
            run.skip(reason);
            complete(run);
        }
    }

    private void warn(String warning) {
        warnings.add(warning);
        log.warn(warning);
    }
}
