package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/** Ending worker processes, and saying how they ended. */
@API(status = INTERNAL, since = "0.1")
public final class WorkerProcesses {

    /** A worker's exit status when its coordinator vanished; nobody is left to read it, but a process table shows it. */
    public static final int COORDINATOR_LOST = 3;
    /** A worker's exit status when its own machinery failed (it could not report a class, say). */
    public static final int WORKER_BROKEN = 4;

    private WorkerProcesses() {}

    /** Kill the JVM and whatever it started: a test's child processes must not outlive their worker. */
    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The exit code once the process has ended; killed when it has not within {@code timeout}. */
    public static int awaitExit(Process process, Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process);
            process.waitFor();
        }
        return process.exitValue();
    }

    /** What an exit code means, completing "the JVM (pid 1) ...", in the console and the reports alike. */
    public static String describeExit(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            return "was killed by signal " + (exitCode - 128) + " (exit code " + exitCode + ")";
        }
        return "exited with code " + exitCode;
    }
}
