package dev.isolane.core.worker;

import dev.isolane.core.agent.ExitInterceptedError;
import dev.isolane.core.agent.ExitTrap;
import dev.isolane.core.launch.LaunchTimeouts;
import dev.isolane.core.launch.WorkerArguments;
import dev.isolane.core.launch.WorkerProcesses;
import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/**
 * Serves one coordinator: answers discovery, runs each class it is handed on a pool of {@code threads} threads, and
 * exits when told to or when the coordinator is gone.
 */
final class Worker {

    private final Channel channel;
    private final WorkerArguments arguments;
    private final OutputCapture capture;
    private final ExecutorService pool;
    private final ClassRunner classRunner;
    private final ChildProcesses children;
    private final NodeRunner nodeRunner;
    private volatile RunFilters filters = RunFilters.NONE;
    private final ExitWitness exitWitness;

    /** @param scratch where the worker keeps its threads' {@link dev.isolane.core.protocol.TraceSlot}s */
    Worker(Channel channel, WorkerArguments arguments, OutputCapture capture, Path scratch) {
        this.channel = channel;
        this.arguments = arguments;
        this.capture = capture;
        this.pool = TestThreads.create(arguments.lane());
        this.children = ChildProcesses.ofThisJvm(this::send);
        this.classRunner = new ClassRunner(this::send, arguments.lane(), scratch, () -> filters, capture::reclaim,
                children);
        this.nodeRunner = new NodeRunner(this::send, arguments.lane());
        this.exitWitness = ExitWitness.install(this::send);
        ExitTrap.listen(this::exitIntercepted);
        if (arguments.lane() == Lane.ISOLATED) {
            pool.execute(ClassRunner::prepareLauncher); // its one thread, before the class arrives
        }
    }

    void serve() {
        try {
            while (true) {
                Message message = channel.receive();
                if (message instanceof Message.RunClass run) {
                    pool.execute(() -> runReporting(run.className(), run.only()));
                } else if (message instanceof Message.Configure configure) {
                    filters = RunFilters.of(configure);
                    children.keep(configure.keepChildProcesses());
                } else if (message instanceof Message.RunNodes run) {
                    pool.execute(() -> nodeRunner.run(run));
                } else if (message instanceof Message.Discover discover) {
                    send(TestDiscovery.discover(discover.classNames(), filters));
                } else if (message instanceof Message.DumpThreads) {
                    send(new Message.ThreadDump(ThreadDumper.dump()));
                } else if (message instanceof Message.Shutdown) {
                    exit();
                    return;
                } else {
                    throw new IOException("unexpected message from the coordinator: " + message);
                }
            }
        } catch (EOFException e) {
            coordinatorLost(e);
        } catch (IOException | RuntimeException e) {
            send(new Message.WorkerFailure(e.toString(), ResultRecorder.stackTraceOf(e)));
            coordinatorLost(e);
        } catch (Error e) {
            broken(e);
        }
    }

    /**
     * Run a class; if even reporting it fails (an OutOfMemoryError while sending, say), the coordinator would wait
     * for it forever, so the JVM ends and the coordinator treats it as a crash.
     */
    private void runReporting(String className, java.util.List<String> only) {
        try {
            classRunner.run(className, only);
        } catch (Throwable e) {
            broken(e);
        }
    }

    private void broken(Throwable e) {
        try {
            capture.originalErr().println("isolane worker " + arguments.workerId() + ": cannot go on: " + e);
            send(new Message.WorkerFailure(e.toString(), ResultRecorder.stackTraceOf(e)));
        } finally {
            Runtime.getRuntime().halt(WorkerProcesses.WORKER_BROKEN);
        }
    }

    /** On the thread that tried to exit, before the agent's error is thrown there. */
    private void exitIntercepted(ExitInterceptedError error) {
        ClassContext context = ClassContext.current();
        send(new Message.ExitIntercepted(context == null ? null : context.className(), error.call(), error.status(),
                Thread.currentThread().getName(), ResultRecorder.stackTraceOf(error),
                context == null ? null : context.runningTestNames()));
    }

    void send(Message message) {
        try {
            channel.send(message);
        } catch (IOException e) {
            coordinatorLost(e);
        }
    }

    private void coordinatorLost(Exception cause) {
        capture.originalErr().println("isolane worker " + arguments.workerId() + ": coordinator gone (" + cause
                + "); exiting");
        Runtime.getRuntime().halt(WorkerProcesses.COORDINATOR_LOST);
    }

    /** Exit normally so shutdown hooks run, but never let a stuck hook or thread keep the JVM alive. */
    private void exit() {
        exitWitness.exitRequested();
        pool.shutdownNow();
        LauncherSessions.closeAll();
        children.workerExiting();
        channel.close();
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(LaunchTimeouts.EXIT.toMillis());
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(0);
        }, "isolane-exit-guard");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }
}
