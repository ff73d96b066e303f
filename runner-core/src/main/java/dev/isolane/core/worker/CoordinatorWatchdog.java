package dev.isolane.core.worker;

import dev.isolane.core.launch.WorkerProcesses;
import java.util.Optional;

/**
 * Ends the worker when its coordinator process is gone, even if the channel never reports it (a stuck test holds
 * every worker thread, say). The closed socket is the first signal; this is the second.
 */
final class CoordinatorWatchdog {

    private CoordinatorWatchdog() {}

    static void start(long coordinatorPid) {
        Optional<ProcessHandle> coordinator = ProcessHandle.of(coordinatorPid);
        if (coordinator.isEmpty()) {
            Runtime.getRuntime().halt(WorkerProcesses.COORDINATOR_LOST);
        }
        Thread watchdog = new Thread(() -> {
            coordinator.get().onExit().join();
            Runtime.getRuntime().halt(WorkerProcesses.COORDINATOR_LOST);
        }, "isolane-coordinator-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
