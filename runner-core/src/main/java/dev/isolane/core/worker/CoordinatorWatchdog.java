package dev.isolane.core.worker;

import dev.isolane.core.launch.WorkerProcesses;
import java.util.Optional;

/**
 * Ends the worker when its coordinator process is gone, even if the channel never reports it (a stuck test holds
 * every worker thread, say). The closed socket is the first signal; this is the second.
 *
 * <p>It looks twice a second rather than waiting on {@code ProcessHandle.onExit()}: that starts one of the JDK's
 * "process reaper" threads, which {@link ChildProcesses#reaperRuns} takes as the sign that a test started a process,
 * so every class would pay for a listing of the machine's processes at its end.
 */
final class CoordinatorWatchdog {

    private static final long LOOK_MILLIS = 500;

    private CoordinatorWatchdog() {}

    static void start(long coordinatorPid) {
        Optional<ProcessHandle> coordinator = ProcessHandle.of(coordinatorPid);
        if (coordinator.isEmpty()) {
            Runtime.getRuntime().halt(WorkerProcesses.COORDINATOR_LOST);
        }
        Thread watchdog = new Thread(() -> {
            try {
                while (coordinator.get().isAlive()) {
                    Thread.sleep(LOOK_MILLIS);
                }
            } catch (InterruptedException e) {
                return; // only the JVM's end interrupts a daemon thread's sleep
            }
            Runtime.getRuntime().halt(WorkerProcesses.COORDINATOR_LOST);
        }, "isolane-coordinator-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
