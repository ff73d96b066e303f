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
import dev.isolane.core.protocol.Message;
import dev.isolane.core.report.ConsoleReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
    private WorkerServer server;
    private WorkerLauncher launcher;
    private Path runDirectory;
    private WorkerHandle shared;
    private int sharedWorkersStarted;
    private int isolatedWorkersStarted;
    private int isolatedAlive;

    public Coordinator(RunConfig config, RunLog log, Set<String> learnedViolators) {
        this.config = config;
        this.log = log;
        this.learnedViolators = Set.copyOf(learnedViolators);
    }

    /** What a run produced: class results in the order they finished, warnings, and the state classes touched. */
    public record Outcome(List<ClassResult> classes, List<String> warnings, List<ClassState> states) {}

    /**
     * Discover and run the candidate classes.
     *
     * @throws RunFailedException when no worker could start or discovery failed, so no test could run
     */
    public Outcome run(List<String> candidates) throws IOException, InterruptedException {
        runDirectory = Files.createDirectories(config.workDirectory())
                .resolve("run-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis());
        Files.createDirectories(runDirectory);
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
        }
    }

    private List<TestClass> discover(List<String> candidates) throws IOException, InterruptedException {
        shared = startWorker(Lane.SHARED, config.threads());
        while (true) {
            Event event = nextEvent();
            if (event instanceof Event.Connected connected && connected.worker() == shared) {
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
                throw new RunFailedException("The worker JVM exited with code " + exited.exitCode()
                        + " before it could discover the tests. Its output:\n" + shared.logTail(LOG_TAIL_BYTES)
                        + "\nCheck 'argLine', 'jvm' and the test classpath; the whole log is " + shared.logFile());
            }
        }
    }

    private void plan(List<TestClass> discovered) {
        int isolatedCount = 0;
        for (TestClass testClass : discovered) {
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
            handle(nextEvent());
            dispatch();
        }
    }

    /** Fill every free lane: the shared worker up to {@code threads} classes, and up to {@code forks} isolated JVMs. */
    private void dispatch() throws IOException {
        if (!sharedQueue.isEmpty() && (shared == null || shared.hasExited())) {
            shared = startWorker(Lane.SHARED, config.threads());
        }
        if (shared != null && shared.isConnected()) {
            while (shared.classesInFlight().size() < config.threads() && !sharedQueue.isEmpty()) {
                assign(sharedQueue.poll(), shared);
            }
        }
        while (isolatedAlive < config.forks() && !isolatedQueue.isEmpty()) {
            WorkerHandle worker = startWorker(Lane.ISOLATED, 1);
            isolatedAlive++;
            ClassRun run = isolatedQueue.poll();
            run.assignTo(worker);
            worker.classesInFlight().add(run.className());
        }
    }

    private void assign(ClassRun run, WorkerHandle worker) {
        run.assignTo(worker);
        worker.classesInFlight().add(run.className());
        worker.send(new Message.RunClass(run.className()));
    }

    private void handle(Event event) {
        if (event instanceof Event.Connected connected) {
            WorkerHandle worker = connected.worker();
            if (worker.lane() == Lane.ISOLATED) {
                worker.classesInFlight().forEach(name -> worker.send(new Message.RunClass(name)));
            }
        } else if (event instanceof Event.Received received) {
            handleMessage(received.worker(), received.message());
        } else if (event instanceof Event.ChannelClosed closed) {
            // The exit event that follows brings the exit code; make sure one comes even if the JVM lingers.
            Process process = closed.worker().process();
            CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(() -> {
                if (process.isAlive()) {
                    closed.worker().kill();
                }
            });
        } else if (event instanceof Event.Exited exited) {
            workerExited(exited.worker(), exited.exitCode());
        }
    }

    private void handleMessage(WorkerHandle worker, Message message) {
        if (message instanceof Message.ClassStarted started) {
            run(started.className()).started(started.thread(), started.startMillis());
        } else if (message instanceof Message.TestFinished test) {
            run(test.className()).add(test.result());
        } else if (message instanceof Message.StateObserved observed) {
            states.add(observed.state());
        } else if (message instanceof Message.ClassFinished done) {
            ClassRun run = run(done.className());
            run.finished(done.endMillis(), done.stdout(), done.stderr());
            worker.classesInFlight().remove(done.className());
            complete(run);
            if (worker.lane() == Lane.ISOLATED) {
                worker.shutdown();
            }
        } else if (message instanceof Message.WorkerFailure failure) {
            warn("Worker " + worker.id() + " (pid " + worker.pid() + ") failed: " + failure.message());
            worker.kill();
        }
    }

    private void workerExited(WorkerHandle worker, int exitCode) {
        worker.markExited();
        if (worker.lane() == Lane.ISOLATED) {
            isolatedAlive--;
        }
        if (worker.classesInFlight().isEmpty()) {
            return;
        }
        String tail = worker.logTail(LOG_TAIL_BYTES);
        String detail = "The " + worker.lane().label() + " JVM (pid " + worker.pid() + ") " + describeExit(exitCode)
                + " before the class finished." + (tail.isEmpty() ? "" : " Its last output:\n" + tail);
        for (String className : List.copyOf(worker.classesInFlight())) {
            ClassRun run = run(className);
            run.endAbnormally(ClassOutcome.CRASHED, detail);
            complete(run);
        }
        worker.classesInFlight().clear();
    }

    static String describeExit(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            return "was killed by signal " + (exitCode - 128) + " (exit code " + exitCode + ")";
        }
        return "exited with code " + exitCode;
    }

    private void complete(ClassRun run) {
        ClassResult result = run.result();
        finished.add(result);
        ConsoleReport.classFinished(log, result);
    }

    private ClassRun run(String className) {
        ClassRun run = runs.get(className);
        if (run == null) {
            throw new IllegalStateException("a worker reported class " + className + ", which was never assigned");
        }
        return run;
    }

    private WorkerHandle startWorker(Lane lane, int threads) throws IOException {
        int number = lane == Lane.SHARED ? ++sharedWorkersStarted : ++isolatedWorkersStarted;
        String id = lane.label() + "-" + number;
        Path logFile = runDirectory.resolve(id + ".log");
        CompletableFuture<WorkerHandle> started = new CompletableFuture<>();
        server.expect(id, (hello, channel) -> started.thenAccept(handle -> handle.attach(hello, channel, events)));
        Process process = launcher.start(id, lane, threads, agentFeatures(lane), logFile);
        WorkerHandle worker = new WorkerHandle(id, lane, process, logFile);
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
        if (lane != Lane.SHARED) {
            return List.of(); // an isolated class has its JVM to itself: nothing to detect
        }
        return switch (config.detection()) {
            case OFF -> List.of();
            case GLOBALS -> List.of("globals");
            case STATICS -> List.of("globals", "statics");
        };
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
