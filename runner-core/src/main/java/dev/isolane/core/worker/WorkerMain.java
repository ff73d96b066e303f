package dev.isolane.core.worker;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.launch.ArgumentFile;
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
        showTestClasspath();
        serve(WorkerArguments.parse(args), WorkerEnvironment.read(System.getenv()));
    }

    /**
     * Tests see the project's test class path as {@code java.class.path}, as in Surefire's fork (which also keeps the
     * JVM's own in {@code surefire.real.class.path}), not the JVM's, which puts Isolane's and JUnit's jars first.
     */
    private static void showTestClasspath() {
        String testClasspath = System.getProperty(ArgumentFile.TEST_CLASSPATH_PROPERTY);
        if (testClasspath != null) {
            System.setProperty("surefire.real.class.path", System.getProperty("java.class.path"));
            System.setProperty("java.class.path", testClasspath);
        }
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
