package dev.isolane.core.coordinator;

import dev.isolane.core.Isolation;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunFailedException;
import dev.isolane.core.RunLog;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestClass;
import dev.isolane.core.history.History;
import dev.isolane.core.protocol.Message;
import dev.isolane.core.report.ConsoleReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs in the build tool's JVM and never loads a test class. It starts the shared worker (which also discovers the
 * tests), hands classes to it {@code threads} at a time as lanes free up, and starts one fresh JVM per isolated class,
 * {@code forks} at a time, alongside. Every state change happens on the thread that calls {@link #run}, driven by
 * one queue of events from the workers.
 */
public final class Coordinator {

    /** A worker that has not proven itself by then is considered dead. */
    private static final long CONNECT_TIMEOUT_MILLIS = 60_000;
    /** How long workers may take to exit after Shutdown (JaCoCo writes its data on exit) before they are killed. */
    private static final long EXIT_TIMEOUT_MILLIS = 30_000;
    private static final int LOG_TAIL_BYTES = 4096;
    /** How long a worker has to answer a thread dump request before its class is reported without one. */
    private static final long DUMP_TIMEOUT_MILLIS = 10_000;
    /** After a worker exited, how long its channel may take to deliver what the worker sent before it died. */
    private static final long DRAIN_MILLIS = 5_000;
    /** How often the event loop looks at the clock when no event comes. */
    private static final long TICK_MILLIS = 250;
    /** Past this, last time, an isolated class gets a JVM with the default JIT rather than a fast-starting one. */
    private static final long LONG_CLASS_MILLIS = 5_000;
    /** A class runs at most this often: once, and again after JVMs died beside it. */
    private static final int MAX_ATTEMPTS = 3;
    /** Shared JVMs in a row that die before connecting, after which the shared classes left are given up. */
    private static final int SHARED_START_ATTEMPTS = 2;

    private final RunConfig config;
    private final RunLog log;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<WorkerHandle> workers = new CopyOnWriteArrayList<>();
    private final Map<String, ClassRun> runs = new LinkedHashMap<>();
    private final Deque<ClassRun> sharedQueue = new ArrayDeque<>();
    private final Deque<ClassRun> isolatedQueue = new ArrayDeque<>();
    private final List<ClassResult> finished = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<ClassState> states = new ArrayList<>();
    private final Set<String> learnedViolators;
    private final History history;
    private WorkerServer server;
    private WorkerLauncher launcher;
    private Path runDirectory;
    private WorkerHandle shared;
    private int sharedWorkersStarted;
    private int isolatedWorkersStarted;
    private int sharedStartFailures;
    /** Set once discovery has said which classes run where; until then spares wait. */
    private boolean planned;
    private final ForkNumbers forkNumbers = new ForkNumbers(2);
    /** Classes whose failed tests wait for a fresh JVM to run again in (rerunFailingTestsCount). */
    private final Deque<ClassRun> rerunQueue = new ArrayDeque<>();
    private int failedTests;
    private boolean skipping;

    /**
     * @param history what earlier runs recorded: durations (longest classes start first) and, with
     *                {@code isolation=auto}, the classes to isolate
     */
    public Coordinator(RunConfig config, RunLog log, History history) {
        this.config = config;
        this.log = log;
        this.history = history;
        this.learnedViolators = config.isolation() == Isolation.AUTO ? history.violators() : Set.of();
    }

    /** What a run produced: class results in the order they finished, warnings, and the state classes touched. */
    public record Outcome(List<ClassResult> classes, List<String> warnings, List<ClassState> states) {}

    /**
     * Discover and run the candidate classes.
     *
     * @throws RunFailedException when no worker could start or discovery failed, so no test could run
     */
    public Outcome run(List<String> candidates) throws IOException, InterruptedException {
        runDirectory = RunDirectories.create(config.workDirectory());
        Thread killer = new Thread(this::killAll, "isolane-shutdown");
        Runtime.getRuntime().addShutdownHook(killer);
        try (WorkerServer workerServer = new WorkerServer()) {
            server = workerServer;
            launcher = new WorkerLauncher(config, server, runDirectory);
            List<TestClass> discovered = discover(candidates);
            plan(discovered);
            execute();
            return new Outcome(finished, warnings, states);
        } finally {
            stopAll();
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or will run; either way the workers die
            }
            deleteEmptyLogs();
            workers.forEach(worker -> RunDirectories.deleteTree(worker.scratch()));
            if (launcher != null) {
                launcher.finish();
            }
        }
    }

    private List<TestClass> discover(List<String> candidates) throws IOException, InterruptedException {
        shared = startWorker(Lane.SHARED, config.threads(), false);
        // Isolated JVMs start while the shared one discovers, so the first isolated classes find one ready.
        for (int i = spares(); i > 0; i--) {
            startWorker(Lane.ISOLATED, 1, true);
        }
        while (true) {
            Event event = nextEvent();
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
                shared.markExited(exited.exitCode());
                throw new RunFailedException("The worker JVM exited with code " + exited.exitCode()
                        + " before it could discover the tests. Its output:\n" + shared.logTail(LOG_TAIL_BYTES)
                        + "\nCheck 'argLine', 'jvm' and the test classpath; the whole log is " + shared.logFile());
            } else {
                handle(event); // a spare isolated JVM connecting, say
            }
        }
    }

    /**
     * How many isolated JVMs to start before discovery says what is isolated: as many as last run isolated, up to
     * {@code forks}; with no history, one for a likely {@code @IsolatedProcess} class (all of them for
     * {@code isolation=all}). A spare nobody needs exits as soon as discovery is done.
     */
    private int spares() {
        long lastTime = history.classes().values().stream().filter(c -> c.lane() == Lane.ISOLATED)
                .count();
        return switch (config.isolation()) {
            case NONE -> 0;
            case ALL -> config.forks();
            case ANNOTATED, AUTO -> (int) Math.min(config.forks(),
                    history.classes().isEmpty() ? 1 : lastTime + learnedViolators.size());
        };
    }

    private void plan(List<TestClass> discovered) {
        int isolatedCount = 0;
        for (TestClass testClass : longestFirst(discovered)) {
            Lane lane = laneOf(testClass);
            ClassRun run = new ClassRun(testClass.className(), lane);
            runs.put(run.className(), run);
            (lane == Lane.SHARED ? sharedQueue : isolatedQueue).add(run);
            isolatedCount += lane == Lane.ISOLATED ? 1 : 0;
        }
        if (config.isolation() == Isolation.AUTO) {
            discovered.stream().filter(c -> !c.isolated() && learnedViolators.contains(c.className()))
                    .forEach(c -> log.info("Isolating " + c.className() + ": the history file records it changing"
                            + " shared state that other classes saw or that it left changed (isolation=auto)"));
        }
        log.info(String.format("Running %d test class%s: %d in a shared JVM on %d threads, %d in isolated JVMs"
                + " (at most %d at once)", discovered.size(), discovered.size() == 1 ? "" : "es",
                discovered.size() - isolatedCount, config.threads(), isolatedCount, config.forks()));
        if (sharedQueue.isEmpty()) {
            shared.shutdown();
        }
        planned = true;
    }

    /**
     * The longest classes start first, so that none starts last and runs alone at the end; a class the history does
     * not know may be long, so it goes before the known ones. Ties keep discovery's (alphabetical) order.
     */
    private List<TestClass> longestFirst(List<TestClass> discovered) {
        return discovered.stream().sorted(Comparator.comparingLong((TestClass c) -> {
            History.ClassHistory known = history.classes().get(c.className());
            return known == null ? Long.MIN_VALUE : -known.durationMillis();
        })).toList();
    }

    private Lane laneOf(TestClass testClass) {
        boolean isolated = switch (config.isolation()) {
            case ALL -> true;
            case NONE -> false;
            case ANNOTATED -> testClass.isolated();
            case AUTO -> testClass.isolated() || learnedViolators.contains(testClass.className());
        };
        return isolated ? Lane.ISOLATED : Lane.SHARED;
    }

    private void execute() throws IOException, InterruptedException {
        dispatch();
        while (finished.size() < runs.size()) {
            Event event = events.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
            if (event != null) {
                handle(event);
            }
            enforceTimeouts();
            dispatch();
        }
    }

    /**
     * Fill every free lane: up to {@code threads} classes in shared JVMs, and up to {@code forks} isolated JVMs. A
     * retired shared JVM keeps its lanes until its classes finish; new classes go to a fresh one.
     */
    private void dispatch() throws IOException {
        if (!sharedQueue.isEmpty() && (shared == null || shared.hasExited() || shared.isRetired())) {
            if (sharedStartFailures >= SHARED_START_ATTEMPTS) {
                giveUpSharedQueue();
            } else {
                shared = startWorker(Lane.SHARED, config.threads(), false);
            }
        }
        if (shared != null && shared.isConnected() && !shared.isRetired()) {
            while (sharedLanesFree() > 0 && !sharedQueue.isEmpty()) {
                assign(sharedQueue.poll(), shared);
            }
        }
        // Reruns of failed tests first: their classes are waiting to be reported.
        while (!rerunQueue.isEmpty() || !isolatedQueue.isEmpty()) {
            ClassRun run = rerunQueue.isEmpty() ? isolatedQueue.peek() : rerunQueue.peek();
            boolean lean = !isLong(run);
            WorkerHandle worker = lean ? idleIsolated() : null;
            if (worker == null) {
                if (busyIsolated() >= config.forks()) {
                    break;
                }
                worker = startWorker(Lane.ISOLATED, 1, lean);
            }
            (rerunQueue.isEmpty() ? isolatedQueue : rerunQueue).poll();
            run.assignTo(worker);
            worker.classesInFlight().add(run.className());
            if (worker.isConnected()) {
                sendRunClass(worker, run);
            }
        }
        if (planned && rerunQueue.isEmpty() && isolatedQueue.isEmpty()) {
            for (WorkerHandle worker : workers) {
                if (isIdleSpare(worker) && worker.isConnected()) {
                    worker.shutdown(); // started ahead for a class that turned out not to exist
                }
            }
        }
    }

    /**
     * Isolated JVMs that count against {@code forks}: starting, waiting for a class, or running one. A JVM whose class
     * has finished is only exiting, so the next one starts at once rather than after it.
     */
    private int busyIsolated() {
        int busy = 0;
        for (WorkerHandle worker : workers) {
            if (worker.lane() == Lane.ISOLATED && !worker.hasExited() && !worker.isShutdownSent()) {
                busy++;
            }
        }
        return busy;
    }

    /** A spare: an isolated JVM started ahead, holding no class yet. */
    private WorkerHandle idleIsolated() {
        return workers.stream().filter(this::isIdleSpare).findFirst().orElse(null);
    }

    private boolean isIdleSpare(WorkerHandle worker) {
        return worker.lane() == Lane.ISOLATED && worker.isLean() && !worker.hasExited() && !worker.isShutdownSent()
                && worker.classesInFlight().isEmpty();
    }

    /** A class that ran long last time gets a JVM with the default JIT, whose top tier pays off on long work. */
    private boolean isLong(ClassRun run) {
        History.ClassHistory known = history.classes().get(run.className());
        return known != null && known.durationMillis() > LONG_CLASS_MILLIS;
    }

    private void sendRunClass(WorkerHandle worker, ClassRun run) {
        worker.send(new Message.RunClass(run.className(), run.isRerunningFailures() ? run.rerunIds() : List.of()));
    }

    private int sharedLanesFree() {
        int busy = 0;
        for (WorkerHandle worker : workers) {
            if (worker.lane() == Lane.SHARED && !worker.hasExited()) {
                busy += worker.classesInFlight().size();
            }
        }
        return config.threads() - busy;
    }

    private void assign(ClassRun run, WorkerHandle worker) {
        run.assignTo(worker);
        worker.classesInFlight().add(run.className());
        if (worker.classesInFlight().size() > 1) {
            worker.classesInFlight().forEach(name -> runs.get(name).markHadCompany());
        }
        worker.send(new Message.RunClass(run.className()));
    }

    private void handle(Event event) {
        if (event instanceof Event.Connected connected) {
            WorkerHandle worker = connected.worker();
            worker.send(configure());
            if (worker.lane() == Lane.ISOLATED) {
                worker.classesInFlight().forEach(name -> sendRunClass(worker, runs.get(name)));
            } else {
                sharedStartFailures = 0;
            }
        } else if (event instanceof Event.Received received) {
            handleMessage(received.worker(), received.message());
        } else if (event instanceof Event.ChannelClosed closed) {
            WorkerHandle worker = closed.worker();
            worker.markChannelClosed();
            // The exit event brings the exit code; make sure one comes even if the JVM lingers. A worker told to
            // shut down gets the time its shutdown hooks may take (JaCoCo writes its data in one).
            Process process = worker.process();
            long grace = worker.isShutdownSent() ? EXIT_TIMEOUT_MILLIS : 5_000;
            CompletableFuture.delayedExecutor(grace, TimeUnit.MILLISECONDS).execute(() -> {
                if (process.isAlive()) {
                    worker.kill();
                }
            });
            if (worker.exitCode() != null) {
                workerDied(worker);
            }
        } else if (event instanceof Event.Exited exited) {
            WorkerHandle worker = exited.worker();
            worker.markExited(exited.exitCode());
            if (worker.lane() == Lane.ISOLATED) {
                forkNumbers.release(worker.forkNumber());
            } else if (!worker.everConnected()) {
                sharedStartFailures++;
            }
            if (!worker.everConnected() || worker.isChannelClosed()) {
                workerDied(worker);
            } else {
                // Read what it sent before it died (a last word, a finished test); the end of the channel follows.
                CompletableFuture.delayedExecutor(DRAIN_MILLIS, TimeUnit.MILLISECONDS).execute(worker::closeChannel);
            }
        }
    }

    private void handleMessage(WorkerHandle worker, Message message) {
        if (message instanceof Message.ThreadDump dump) {
            reportTimeouts(worker, dump.text());
        } else if (message instanceof Message.WorkerExiting word) {
            worker.lastWord(word);
        } else if (message instanceof Message.StateObserved observed) {
            // What a class did to shared state happened, even when the class's result comes from elsewhere.
            states.add(observed.state());
        } else if (message instanceof Message.WorkerFailure failure) {
            warn("Worker " + worker.id() + " (pid " + worker.pid() + ") failed: " + failure.message());
            worker.kill();
        } else if (message instanceof Message.ExitIntercepted exit) {
            ClassRun run = exit.className() == null ? null : current(worker, exit.className());
            if (run != null) {
                run.exitStopped(exit);
            } else {
                warn("A thread (" + exit.thread() + ") that works for no running class called " + exit.call() + "("
                        + exit.status() + ") in the " + worker.lane().label() + " JVM (pid " + worker.pid()
                        + ")" + (exit.className() == null ? "" : ", left behind by " + exit.className())
                        + "; Isolane stopped it.\n" + exit.stackTrace());
            }
        } else if (message instanceof Message.ClassStarted started) {
            ifCurrent(worker, started.className(), run -> run.started(started.thread(), started.startMillis()));
        } else if (message instanceof Message.TestStarted test) {
            ifCurrent(worker, test.className(), run -> run.testStarted(test));
        } else if (message instanceof Message.TestFinished test) {
            ifCurrent(worker, test.className(), run -> run.add(config.trimStackTrace()
                    ? StackTraces.trimmed(test.result(), test.className()) : test.result()));
        } else if (message instanceof Message.ClassFinished done) {
            ifCurrent(worker, done.className(), run -> classFinished(worker, run, done));
            if (worker.lane() == Lane.ISOLATED) {
                worker.shutdown();
            }
        }
    }

    private void classFinished(WorkerHandle worker, ClassRun run, Message.ClassFinished done) {
        run.finished(done.endMillis(), done.stdout(), done.stderr());
        worker.classesInFlight().remove(run.className());
        if (run.lane() == Lane.SHARED && run.ranOutOfMemory()) {
            // Whatever used the heap up, the JVM is in doubt now (a class initializer may have failed half way).
            retire(worker, "a class in it ran out of memory");
            if (run.hadCompany() && run.attempts() < MAX_ATTEMPTS) {
                rerunIsolated(List.of(run), run.className() + " ran out of memory in the shared JVM (pid "
                        + worker.pid() + "), whose heap it shared with other classes; the class that used the heap up"
                        + " may be another one");
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
        releaseIfIdle(worker);
    }

    private Message.Configure configure() {
        return new Message.Configure(config.selection().test(), config.selection().groups(),
                config.selection().excludedGroups());
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

    /** Ask each JVM that holds a class past its time for a thread dump; report once it comes, or does not. */
    private void enforceTimeouts() {
        if (config.timeout().isZero()) {
            return;
        }
        long now = System.nanoTime();
        long limit = config.timeout().toNanos();
        for (WorkerHandle worker : workers) {
            if (worker.hasExited()) {
                continue;
            }
            boolean expired = false;
            for (String name : worker.classesInFlight()) {
                ClassRun run = runs.get(name);
                if (!run.isTimedOut() && run.runningNanos(now) > limit) {
                    run.markTimedOut();
                    expired = true;
                }
            }
            if (expired && !worker.isDumpPending()) {
                worker.dumpRequested(now);
                worker.send(new Message.DumpThreads());
            } else if (worker.isDumpPending()
                    && now - worker.dumpRequestedNanos() > TimeUnit.MILLISECONDS.toNanos(DUMP_TIMEOUT_MILLIS)) {
                reportTimeouts(worker, null);
            }
        }
    }

    /** End the classes of this worker that ran out of time, with its thread dump (null when none came). */
    private void reportTimeouts(WorkerHandle worker, String dump) {
        worker.dumpAnswered();
        List<ClassRun> late = worker.classesInFlight().stream().map(runs::get).filter(ClassRun::isTimedOut).toList();
        if (late.isEmpty()) {
            return;
        }
        if (worker.lane() == Lane.SHARED) {
            retire(worker, "a class in it ran past the timeout");
        }
        for (ClassRun run : late) {
            worker.classesInFlight().remove(run.className());
            int stillRunning = worker.classesInFlight().size();
            String fate = worker.lane() == Lane.ISOLATED
                    ? "its isolated JVM (pid " + worker.pid() + ") was killed"
                    : "its thread cannot be stopped inside the shared JVM (pid " + worker.pid() + "), so that JVM"
                            + " takes no more classes and ends " + (stillRunning == 0 ? "now"
                            : stillRunning == 1 ? "once the other class running in it finishes"
                            : "once the " + stillRunning + " other classes running in it finish")
                            + "; the class's lane went to the next class";
            run.endAbnormally(ClassOutcome.TIMEOUT, FaultText.timeout(run, worker, config.timeout(), dump, fate,
                    Crash.classOutput(worker, run)));
            complete(run);
        }
        if (worker.lane() == Lane.ISOLATED) {
            worker.kill();
        }
        releaseIfIdle(worker);
    }

    /** No more classes for this shared JVM; it ends once the classes in it finish. */
    private void retire(WorkerHandle worker, String reason) {
        if (!worker.isRetired()) {
            worker.retire();
            log.info("Retiring the shared JVM (pid " + worker.pid() + "): " + reason + "."
                    + (sharedQueue.isEmpty() ? "" : " A fresh shared JVM takes the classes still to run."));
        }
    }

    private void releaseIfIdle(WorkerHandle worker) {
        if (worker.isRetired() && worker.classesInFlight().isEmpty()) {
            worker.shutdown();
        }
    }

    /**
     * A worker is gone and everything it sent has been read. Its classes end as what happened to them: a class past
     * its timeout as a timeout; in an isolated JVM, the class as crashed; in the shared JVM, the culprit as crashed
     * while the others run again, in a fresh shared JVM, or each alone when the culprit is unknown.
     */
    private void workerDied(WorkerHandle worker) {
        if (!worker.markDeathHandled()) {
            return;
        }
        int exitCode = worker.exitCode();
        List<ClassRun> inFlight = worker.classesInFlight().stream().map(runs::get).toList();
        worker.classesInFlight().clear();
        if (inFlight.isEmpty()) {
            return;
        }
        Crash crash = Crash.analyze(worker, exitCode, inFlight, config.workingDirectory());
        List<ClassRun> victims = new ArrayList<>();
        for (ClassRun run : inFlight) {
            if (run.isRerunningFailures() && !run.isTimedOut()) {
                warn("The JVM (pid " + worker.pid() + ") rerunning the failed tests of " + run.className() + " "
                        + crash.how() + "; they keep the results they had.");
                run.rerunLost();
                complete(run);
            } else if (run.isTimedOut()) {
                run.endAbnormally(ClassOutcome.TIMEOUT, FaultText.timeout(run, worker, config.timeout(), null,
                        "its JVM (pid " + worker.pid() + ") " + crash.how() + " before a thread dump was taken",
                        Crash.classOutput(worker, run)));
                complete(run);
            } else if (worker.lane() == Lane.ISOLATED || run == crash.culprit()) {
                crashed(run, worker, crash, true);
            } else {
                victims.add(run);
            }
        }
        if (victims.isEmpty()) {
            return;
        }
        List<ClassRun> giveUp = victims.stream().filter(run -> run.attempts() >= MAX_ATTEMPTS).toList();
        giveUp.forEach(run -> crashed(run, worker, crash, false));
        List<ClassRun> again = victims.stream().filter(run -> run.attempts() < MAX_ATTEMPTS).toList();
        if (again.isEmpty()) {
            return;
        }
        String died = "the shared JVM (pid " + worker.pid() + ") " + crash.how() + " while it ran beside "
                + (crash.culprit() == null ? "other classes" : crash.culprit().className());
        if (crash.culprit() != null) {
            warn("Re-running " + names(again) + " in a fresh shared JVM: " + died + ", which is to blame.");
            for (int i = again.size() - 1; i >= 0; i--) {
                again.get(i).rerun(Lane.SHARED, died);
                sharedQueue.addFirst(again.get(i));
            }
        } else {
            rerunIsolated(again, died + ", and Isolane cannot tell which class caused it");
        }
    }

    private void crashed(ClassRun run, WorkerHandle worker, Crash crash, boolean blamed) {
        run.endAbnormally(ClassOutcome.CRASHED, FaultText.crashed(run, worker, crash, blamed,
                Crash.classOutput(worker, run)));
        complete(run);
    }

    /** Run each class again in a JVM of its own, where nothing else can be to blame for what happens to it. */
    private void rerunIsolated(List<ClassRun> again, String reason) {
        warn("Re-running " + names(again) + " in " + (again.size() == 1 ? "a JVM of its own" : "JVMs of their own")
                + ": " + reason + ".");
        for (int i = again.size() - 1; i >= 0; i--) {
            again.get(i).rerun(Lane.ISOLATED, reason);
            isolatedQueue.addFirst(again.get(i));
        }
    }

    /** The shared JVM cannot start: the shared classes left are reported crashed with its output. */
    private void giveUpSharedQueue() {
        WorkerHandle last = shared;
        String detail = "The shared JVM could not start: " + SHARED_START_ATTEMPTS + " in a row exited before they"
                + " connected to the coordinator" + (last == null ? "." : ", the last with code " + last.exitCode()
                + ". Its output:\n" + last.logTail(LOG_TAIL_BYTES));
        while (!sharedQueue.isEmpty()) {
            ClassRun run = sharedQueue.poll();
            run.endAbnormally(ClassOutcome.CRASHED, detail);
            complete(run);
        }
    }

    private static String names(List<ClassRun> runs) {
        return runs.stream().map(ClassRun::className).collect(Collectors.joining(", "));
    }

    /** What a process exit code means, in the words of the console and the reports (the junit-extension's too). */
    public static String describeExit(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            return "was killed by signal " + (exitCode - 128) + " (exit code " + exitCode + ")";
        }
        return "exited with code " + exitCode;
    }

    private void complete(ClassRun run) {
        ClassResult result = run.result();
        finished.add(result);
        ConsoleReport.classFinished(log, result);
        failedTests += result.totals().failed() + result.totals().errors();
        int limit = config.skipAfterFailureCount();
        if (limit > 0 && failedTests >= limit && !skipping) {
            skipRemaining(limit);
        }
    }

    /** Surefire's skipAfterFailureCount: classes already running finish; those not started yet are skipped. */
    private void skipRemaining(int limit) {
        skipping = true;
        List<ClassRun> notStarted = new ArrayList<>(sharedQueue);
        notStarted.addAll(isolatedQueue);
        sharedQueue.clear();
        isolatedQueue.clear();
        if (notStarted.isEmpty()) {
            return;
        }
        String reason = "Skipped: " + failedTests + " test" + (failedTests == 1 ? "" : "s") + " failed,"
                + " and skipAfterFailureCount is " + limit;
        log.warn(reason + "; skipping the " + notStarted.size() + " class" + (notStarted.size() == 1 ? "" : "es")
                + " not started yet");
        for (ClassRun run : notStarted) {
            run.skip(reason);
            complete(run);
        }
    }

    /** @param lean whether the JVM is tuned to start fast and live short (an isolated class not known to be long) */
    private WorkerHandle startWorker(Lane lane, int threads, boolean lean) throws IOException {
        int number = lane == Lane.SHARED ? ++sharedWorkersStarted : ++isolatedWorkersStarted;
        String id = lane.label() + "-" + number;
        Path logFile = runDirectory.resolve(id + ".log");
        Path scratch = Files.createDirectories(runDirectory.resolve(id));
        CompletableFuture<WorkerHandle> started = new CompletableFuture<>();
        server.expect(id, (hello, channel) -> started.thenAccept(handle -> handle.attach(hello, channel, events)));
        int forkNumber = lane == Lane.SHARED ? 1 : forkNumbers.acquire();
        Process process = launcher.start(id, lane, threads, forkNumber, agentFeatures(lane), lean, logFile, scratch);
        WorkerHandle worker = new WorkerHandle(id, lane, process, logFile, scratch, forkNumber, lean);
        workers.add(worker);
        started.complete(worker);
        process.onExit().thenAccept(p -> events.add(new Event.Exited(worker, p.exitValue())));
        CompletableFuture.delayedExecutor(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
            if (!worker.isConnected() && process.isAlive()) {
                process.destroyForcibly();
            }
        });
        return worker;
    }

    /** What the agent of a worker in this lane must do; no feature means no agent at all. */
    private List<String> agentFeatures(Lane lane) {
        if (lane == Lane.ISOLATED) {
            // An isolated class has its JVM to itself: nothing to detect, and an exit ends only its own JVM, which is
            // then reported with the caller (ExitWitness). No agent at all keeps the JVM cheap: with one, the JDK
            // must read every archived class from its jar again to offer it for transformation.
            return List.of();
        }
        List<String> features = new ArrayList<>();
        features.add("exit"); // stops an exit that would end every class in the shared JVM
        switch (config.detection()) {
            case OFF -> { }
            case GLOBALS -> features.add("globals");
            case STATICS -> features.addAll(List.of("globals", "statics"));
        }
        return features;
    }

    private Event nextEvent() throws InterruptedException {
        return events.take();
    }

    private void warn(String warning) {
        warnings.add(warning);
        log.warn(warning);
    }

    /** Ask every worker to exit, give shutdown hooks their time, then kill what is left. */
    private void stopAll() {
        workers.forEach(WorkerHandle::shutdown);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_TIMEOUT_MILLIS);
        for (WorkerHandle worker : workers) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !worker.process().waitFor(left, TimeUnit.NANOSECONDS)) {
                    log.warn("Worker " + worker.id() + " (pid " + worker.pid() + ") did not exit; killing it");
                    worker.kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.kill();
            }
        }
    }

    private void killAll() {
        workers.forEach(WorkerHandle::kill);
    }

    private void deleteEmptyLogs() {
        for (WorkerHandle worker : workers) {
            try {
                if (Files.exists(worker.logFile()) && Files.size(worker.logFile()) == 0) {
                    Files.delete(worker.logFile());
                }
            } catch (IOException ignored) {
                // a leftover empty file is harmless
            }
        }
    }
}
