package dev.isolane.core.worker;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.launch.WorkerArguments;
import dev.isolane.core.launch.WorkerEnvironment;
import dev.isolane.core.launch.WorkerProcesses;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.apiguardian.api.API;

/**
 * Entry point of every worker JVM, shared or isolated. Connects back to the coordinator, proves it belongs to the
 * run, then serves requests until told to shut down. It never outlives its coordinator.
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerMain {

    private WorkerMain() {}

    public static void main(String[] args) {
        serve(WorkerArguments.parse(args), WorkerEnvironment.read(System.getenv()));
    }

    static void serve(WorkerArguments arguments, WorkerEnvironment environment) {
        CoordinatorWatchdog.start(arguments.coordinatorPid());
        Channel channel;
        try {
            channel = new Channel(new Socket(InetAddress.getLoopbackAddress(), arguments.port()));
            channel.send(new Message.Hello(environment.secret(), arguments.workerId(), ProcessHandle.current().pid(),
                    Runtime.version().toString()));
        } catch (IOException e) {
            System.err.println("isolane worker " + arguments.workerId() + ": cannot reach the coordinator on port "
                    + arguments.port() + ": " + e);
            Runtime.getRuntime().halt(WorkerProcesses.COORDINATOR_LOST);
            return;
        }
        OutputCapture capture = OutputCapture.install();
        new Worker(channel, arguments, capture, environment.scratch()).serve();
    }
}
