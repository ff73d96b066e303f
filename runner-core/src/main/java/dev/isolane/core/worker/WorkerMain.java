package dev.isolane.core.worker;

import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Entry point of every worker JVM, shared or isolated. Connects back to the coordinator, proves it belongs to the
 * run, then serves requests until told to shut down. It never outlives its coordinator.
 */
public final class WorkerMain {

    /** Exit status when the coordinator vanished; nobody is left to read it, but a process table shows it. */
    static final int COORDINATOR_LOST = 3;
    /** A directory of the worker's own, where it keeps what must outlive it (the last output of running classes). */
    static final String SCRATCH_VARIABLE = "ISOLANE_WORKER_DIR";

    private WorkerMain() {}

    public static void main(String[] args) {
        serve(WorkerSettings.parse(args, System.getenv(WorkerSettings.SECRET_VARIABLE)));
    }

    static void serve(WorkerSettings settings) {
        CoordinatorWatchdog.start(settings.coordinatorPid());
        Channel channel;
        try {
            channel = new Channel(new Socket(InetAddress.getLoopbackAddress(), settings.port()));
            channel.send(new Message.Hello(settings.secret(), settings.workerId(), ProcessHandle.current().pid(),
                    Runtime.version().toString()));
        } catch (IOException e) {
            System.err.println("isolane worker " + settings.workerId() + ": cannot reach the coordinator on port "
                    + settings.port() + ": " + e);
            Runtime.getRuntime().halt(COORDINATOR_LOST);
            return;
        }
        OutputCapture capture = OutputCapture.install();
        String scratch = System.getenv(SCRATCH_VARIABLE);
        new Worker(channel, settings, capture, scratch == null || scratch.isEmpty() ? null : Path.of(scratch)).serve();
    }
}
