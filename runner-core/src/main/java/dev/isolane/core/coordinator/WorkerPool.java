package dev.isolane.core.coordinator;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunLog;
import dev.isolane.core.launch.LaunchTimeouts;
import dev.isolane.core.launch.WorkerServer;
import dev.isolane.core.model.Lane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The worker JVMs of one run: starting them (with the agent features and fork number of their lane), counting the
 * shared lanes and isolated JVMs in use, the spares started ahead, retiring the shared JVM, and ending them all.
 * Its state is changed on the coordinator's event loop only; the workers list is read by the shutdown hook too.
 */
final class WorkerPool {

    /** After a worker exited, how long its channel may take to deliver what the worker sent before it died. */
    static final long DRAIN_MILLIS = 5_000;

    private final RunConfig config;
    private final RunLog log;
    private final Path runDirectory;
    private final WorkerServer server;
    private final WorkerLauncher launcher;
    private final BlockingQueue<Event> events;
    private final List<WorkerHandle> workers = new CopyOnWriteArrayList<>();
    private final ForkNumbers forkNumbers = new ForkNumbers(2);
    private WorkerHandle shared;
    private int sharedStarted;
    private int isolatedStarted;
    private int sharedStartFailures;

    WorkerPool(RunConfig config, RunLog log, Path runDirectory, WorkerServer server, BlockingQueue<Event> events)
            throws IOException {
        this.config = config;
        this.log = log;
        this.runDirectory = runDirectory;
        this.server = server;
        this.events = events;
        this.launcher = new WorkerLauncher(config, server, runDirectory, log);
    }

    /** Start the shared JVM, which then takes every shared class until it exits or retires. */
    WorkerHandle startShared() throws IOException {
        // The worker may need up to the cap of threads=auto; how many classes it runs at once is the coordinator's call.
        shared = start(Lane.SHARED, config.threads().cap(), false);
        return shared;
    }

    /** @param lean whether the JVM is tuned to start fast and live short (an isolated class not known to be long) */
    WorkerHandle startIsolated(boolean lean) throws IOException {
        return start(Lane.ISOLATED, 1, lean);
    }

    /**
     * A JVM that replays classes one after the other to confirm a violation ({@link Replays}): isolated, one thread,
     * not lean (the shared JVM where the violation was seen ran on the JDK's defaults too), with an agent that only
     * stops exits, so that a writer calling {@code System.exit} cannot keep the reader after it from running.
     */
    WorkerHandle startReplay() throws IOException {
        return start(Lane.ISOLATED, 1, false, List.of("exit"));
    }

    private WorkerHandle start(Lane lane, int threads, boolean lean) throws IOException {
        return start(lane, threads, lean, agentFeatures(lane));
    }

    private WorkerHandle start(Lane lane, int threads, boolean lean, List<String> features) throws IOException {
        int number = lane == Lane.SHARED ? ++sharedStarted : ++isolatedStarted;
        String id = lane.label() + "-" + number;
        Path logFile = runDirectory.resolve(id + ".log");
        Path scratch = Files.createDirectories(runDirectory.resolve(id));
        CompletableFuture<WorkerHandle> started = new CompletableFuture<>();
        server.expect(id, (hello, channel) -> started.thenAccept(handle -> handle.attach(hello, channel, events)));
        int forkNumber = lane == Lane.SHARED ? 1 : forkNumbers.acquire();
        Process process = launcher.start(id, lane, threads, forkNumber, features, lean, logFile, scratch);
        WorkerHandle worker = new WorkerHandle(id, lane, process, logFile, scratch, forkNumber, lean);
        workers.add(worker);
        started.complete(worker);
        process.onExit().thenAccept(p -> events.add(new Event.Exited(worker, p.exitValue())));
        CompletableFuture.delayedExecutor(LaunchTimeouts.CONNECT.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
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

    /** The shared JVM that takes new classes, or null when there is none that can. */
    WorkerHandle acceptingShared() {
        return shared != null && shared.isConnected() && !shared.isRetired() ? shared : null;
    }

    /** A new shared JVM is needed for classes still waiting: there is none, or it exited or retired. */
    boolean needsNewShared() {
        return shared == null || shared.hasExited() || shared.isRetired();
    }

    /** The shared JVM cannot start: this many in a row exited before they connected. */
    boolean sharedUnstartable() {
        return sharedStartFailures >= CrashRecovery.SHARED_START_ATTEMPTS;
    }

    WorkerHandle lastShared() {
        return shared;
    }

    /** Classes running in shared JVMs; a retired one keeps its lanes until its classes finish. */
    int sharedLanesBusy() {
        int busy = 0;
        for (WorkerHandle worker : workers) {
            if (worker.lane() == Lane.SHARED && !worker.hasExited()) {
                busy += worker.classesInFlight().size();
            }
        }
        return busy;
    }

    /**
     * Isolated JVMs that count against {@code forks}: starting, waiting for a class, or running one. A JVM whose class
     * has finished is only exiting, so the next one starts at once rather than after it.
     */
    int busyIsolated() {
        int busy = 0;
        for (WorkerHandle worker : workers) {
            if (worker.lane() == Lane.ISOLATED && !worker.hasExited() && !worker.isShutdownSent()) {
                busy++;
            }
        }
        return busy;
    }

    /** A spare: an isolated JVM started ahead, holding no class yet; null when there is none. */
    WorkerHandle idleSpare() {
        return workers.stream().filter(WorkerPool::isIdleSpare).findFirst().orElse(null);
    }

    /** Nothing is left for the spares started ahead: they end now. */
    void shutDownIdleSpares() {
        for (WorkerHandle worker : workers) {
            if (isIdleSpare(worker) && worker.isConnected()) {
                worker.shutdown(); // started ahead for a class that turned out not to exist
            }
        }
    }

    private static boolean isIdleSpare(WorkerHandle worker) {
        return worker.lane() == Lane.ISOLATED && worker.isLean() && !worker.hasExited() && !worker.isShutdownSent()
                && worker.classesInFlight().isEmpty();
    }

    void connected(WorkerHandle worker) {
        if (worker.lane() == Lane.SHARED) {
            sharedStartFailures = 0;
        }
    }

    /**
     * The process is gone: its fork number is free again, and a shared JVM that never connected is counted.
     *
     * @return whether everything it sent has been read, so that its death can be handled now; if not, the end of
     *         its channel follows within {@link #DRAIN_MILLIS}
     */
    boolean exited(WorkerHandle worker, int exitCode) {
        worker.markExited(exitCode);
        if (worker.lane() == Lane.ISOLATED) {
            forkNumbers.release(worker.forkNumber());
        } else if (!worker.everConnected()) {
            sharedStartFailures++;
        }
        if (!worker.everConnected() || worker.isChannelClosed()) {
            return true;
        }
        // Read what it sent before it died (a last word, a finished test); the end of the channel follows.
        CompletableFuture.delayedExecutor(DRAIN_MILLIS, TimeUnit.MILLISECONDS).execute(worker::closeChannel);
        return false;
    }

    /**
     * A worker's channel ended. The exit event brings the exit code; make sure one comes even if the JVM lingers. A
     * worker told to shut down gets the time its shutdown hooks may take (JaCoCo writes its data in one).
     *
     * @return whether the process has exited too, so that its death can be handled now
     */
    boolean channelClosed(WorkerHandle worker) {
        worker.markChannelClosed();
        Process process = worker.process();
        long grace = worker.isShutdownSent() ? LaunchTimeouts.EXIT.toMillis() : DRAIN_MILLIS;
        CompletableFuture.delayedExecutor(grace, TimeUnit.MILLISECONDS).execute(() -> {
            if (process.isAlive()) {
                worker.kill();
            }
        });
        return worker.exitCode() != null;
    }

    /** No more classes for this shared JVM; it ends once the classes in it finish. */
    void retire(WorkerHandle worker, String reason, boolean classesWaiting) {
        if (!worker.isRetired()) {
            worker.retire();
            log.info("Retiring the shared JVM (pid " + worker.pid() + "): " + reason + "."
                    + (classesWaiting ? " A fresh shared JVM takes the classes still to run." : ""));
        }
    }

    void releaseIfIdle(WorkerHandle worker) {
        if (worker.isRetired() && worker.classesInFlight().isEmpty()) {
            worker.shutdown();
        }
    }

    List<WorkerHandle> all() {
        return workers;
    }

    /** Ask every worker to exit, give shutdown hooks their time, then kill what is left. */
    void stopAll() {
        workers.forEach(WorkerHandle::shutdown);
        long deadline = System.nanoTime() + LaunchTimeouts.EXIT.toNanos();
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

    /** From the shutdown hook: the build is going away, and no worker may outlive it. */
    /**
     * The end of a pool's run, in this order: its JVMs asked to stop (and ended when they do not), the shutdown hook
     * that would kill them on Ctrl-C removed, then their empty logs and scratch directories cleaned up.
     *
     * @param pool null when the run ended before it had one
     */
    static void end(WorkerPool pool, Thread shutdownHook) throws InterruptedException {
        if (pool != null) {
            pool.stopAll();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or will run; either way the JVMs die
        }
        if (pool != null) {
            pool.cleanUp();
        }
    }

    void killAll() {
        workers.forEach(WorkerHandle::kill);
    }

    /** Remove what nobody needs to read (empty logs, scratch directories) and let an archive recording finish. */
    void cleanUp() throws InterruptedException {
        for (WorkerHandle worker : workers) {
            try {
                if (Files.exists(worker.logFile()) && Files.size(worker.logFile()) == 0) {
                    Files.delete(worker.logFile());
                }
            } catch (IOException ignored) {
                // a leftover empty file is harmless
            }
            RunDirectories.deleteTree(worker.scratch());
        }
        launcher.finish();
    }
}
