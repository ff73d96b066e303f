package dev.isolane.junit.engine;

import dev.isolane.core.launch.LaunchTimeouts;
import dev.isolane.core.launch.WorkerProcesses;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one class in a fresh JVM and replays it: start the fork, ask it to run the class's nodes, replay every message
 * until it is done. A fork that dies, or outlives the timeout (after giving a thread dump), ends the class's running
 * tests with a failure that says so.
 */
final class ForkedClassRun {

    private final ForkedClassDescriptor forkedClass;
    private final Replay replay;
    private final ForkSession session;
    private volatile boolean timedOut;
    private volatile String threadDump;

    ForkedClassRun(ForkedClassDescriptor forkedClass, Replay replay, ForkSession session) {
        this.forkedClass = forkedClass;
        this.replay = replay;
        this.session = session;
    }

    void run() throws InterruptedException {
        ForkedWorker worker;
        try {
            worker = session.startWorker();
        } catch (IOException e) {
            replay.endAbnormally(new ForkedJvmException("Could not start a JVM for " + forkedClass.className() + ": "
                    + e.getMessage() + ". Check the options in '" + ForkSettings.JVM_ARGS + "' and this JVM's own."));
            return;
        }
        try {
            Channel channel;
            try {
                channel = worker.awaitChannel();
            } catch (ForkedWorker.ForkFailedException e) {
                replay.endAbnormally(new ForkedJvmException("The JVM forked for " + forkedClass.className() + " (pid "
                        + worker.pid() + ") " + e.getMessage() + "." + worker.outputTail()));
                return;
            }
            ScheduledFuture<?> deadline = scheduleTimeout(worker, channel);
            try {
                channel.send(new Message.RunNodes(forkedClass.className(), forkedClass.selection(),
                        session.configuration()));
                replayUntilDone(channel, worker);
            } catch (IOException ended) {
                int exitCode = worker.awaitExit();
                replay.endAbnormally(new ForkedJvmException(ended(worker, exitCode)));
            } finally {
                if (deadline != null) {
                    deadline.cancel(false);
                }
            }
        } finally {
            worker.close();
        }
    }

    private void replayUntilDone(Channel channel, ForkedWorker worker) throws IOException {
        while (true) {
            Message message = channel.receive();
            if (message instanceof Message.NodesDone done) {
                replay.completed(done.failure() == null ? null : RemoteFailures.rebuild(done.failure()));
                return;
            }
            if (message instanceof Message.ThreadDump dump) {
                threadDump = dump.text();
                worker.kill();
            } else {
                replay.accept(message);
            }
        }
    }

    private ScheduledFuture<?> scheduleTimeout(ForkedWorker worker, Channel channel) {
        long seconds = session.settings().timeout().toSeconds();
        if (seconds <= 0) {
            return null;
        }
        return session.timer().schedule(() -> {
            timedOut = true;
            try {
                channel.send(new Message.DumpThreads());
            } catch (IOException gone) {
                worker.kill();
                return;
            }
            session.timer().schedule(worker::kill, LaunchTimeouts.THREAD_DUMP.toMillis(), TimeUnit.MILLISECONDS);
        }, seconds, TimeUnit.SECONDS);
    }

    private String ended(ForkedWorker worker, int exitCode) {
        String jvm = "The JVM forked for " + forkedClass.className() + " (pid " + worker.pid() + ")";
        if (timedOut) {
            String dump = threadDump;
            return jvm + " did not finish within " + session.settings().timeout().toSeconds() + " s ('"
                    + ForkSettings.TIMEOUT + "') and was stopped. "
                    + (dump != null ? "Its threads at that moment:\n" + dump : "It did not answer with a thread dump.");
        }
        return jvm + " " + WorkerProcesses.describeExit(exitCode) + " before the class finished." + worker.outputTail();
    }
}
