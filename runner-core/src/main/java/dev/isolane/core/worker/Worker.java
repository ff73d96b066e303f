package dev.isolane.core.worker;

import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one coordinator: answers discovery, runs each class it is handed on a pool of {@code threads} threads, and
 * exits when told to or when the coordinator is gone.
 */
final class Worker {

    /** After Shutdown, how long shutdown hooks (JaCoCo writes its data in one) may take before the JVM is halted. */
    private static final long EXIT_GRACE_MILLIS = 30_000;

    private final Channel channel;
    private final WorkerSettings settings;
    private final OutputCapture capture;
    private final ExecutorService pool;
    private final ClassRunner classRunner;
    private final NodeRunner nodeRunner;

    Worker(Channel channel, WorkerSettings settings, OutputCapture capture) {
        this.channel = channel;
        this.settings = settings;
        this.capture = capture;
        this.pool = Executors.newFixedThreadPool(settings.threads(), namedDaemonThreads(settings));
        this.classRunner = new ClassRunner(this::send, settings.lane());
        this.nodeRunner = new NodeRunner(this::send, settings.lane());
    }

    void serve() {
        try {
            while (true) {
                Message message = channel.receive();
                if (message instanceof Message.RunClass run) {
                    pool.execute(() -> classRunner.run(run.className()));
                } else if (message instanceof Message.RunNodes run) {
                    pool.execute(() -> nodeRunner.run(run));
                } else if (message instanceof Message.DumpThreads) {
                    send(new Message.ThreadDump(ThreadDumps.all()));
                } else if (message instanceof Message.Discover discover) {
                    send(TestDiscovery.discover(discover.classNames()));
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
        }
    }

    void send(Message message) {
        try {
            channel.send(message);
        } catch (IOException e) {
            coordinatorLost(e);
        }
    }

    private void coordinatorLost(Exception cause) {
        capture.originalErr().println("isolane worker " + settings.workerId() + ": coordinator gone (" + cause
                + "); exiting");
        Runtime.getRuntime().halt(WorkerMain.COORDINATOR_LOST);
    }

    /** Exit normally so shutdown hooks run, but never let a stuck hook or thread keep the JVM alive. */
    private void exit() {
        pool.shutdownNow();
        channel.close();
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(0);
        }, "isolane-exit-guard");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }

    private static java.util.concurrent.ThreadFactory namedDaemonThreads(WorkerSettings settings) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "isolane-" + settings.lane().label() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
