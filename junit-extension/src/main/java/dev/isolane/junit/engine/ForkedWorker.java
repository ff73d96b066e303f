package dev.isolane.junit.engine;

import dev.isolane.core.launch.LaunchTimeouts;
import dev.isolane.core.launch.WorkerArguments;
import dev.isolane.core.launch.WorkerCommand;
import dev.isolane.core.launch.WorkerEnvironment;
import dev.isolane.core.launch.WorkerProcesses;
import dev.isolane.core.launch.WorkerServer;
import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One forked JVM running Isolane's worker, started like the Maven plugin starts an isolated worker: same main class,
 * same handshake, and it ends itself when this JVM goes away.
 */
final class ForkedWorker implements AutoCloseable {

    private final Process process;
    private final CompletableFuture<Channel> connected;
    private final StreamPump out;
    private final StreamPump err;
    private volatile Channel channel;

    private ForkedWorker(Process process, CompletableFuture<Channel> connected) {
        this.process = process;
        this.connected = connected;
        this.out = StreamPump.start(process.getInputStream(), () -> System.out, "isolane-fork-out-" + process.pid());
        this.err = StreamPump.start(process.getErrorStream(), () -> System.err, "isolane-fork-err-" + process.pid());
    }

    static ForkedWorker start(WorkerServer server, ForkJvm jvm, Path argFile, String workerId) throws IOException {
        CompletableFuture<Channel> connected = new CompletableFuture<>();
        server.expect(workerId, (hello, channel) -> connected.complete(channel));
        WorkerCommand command = new WorkerCommand(jvm.java(), List.of("@" + argFile),
                new WorkerArguments(server.port(), workerId, Lane.ISOLATED, 1, ProcessHandle.current().pid()),
                new WorkerEnvironment(server.secret(), null), Map.of(), jvm.workingDirectory());
        return new ForkedWorker(command.processBuilder().start(), connected);
    }

    /**
     * Wait until the fork has proven itself.
     *
     * @throws ForkFailedException when it exited or stayed silent instead
     */
    Channel awaitChannel() throws ForkFailedException, InterruptedException {
        try {
            CompletableFuture.anyOf(connected, process.onExit()).get(LaunchTimeouts.CONNECT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // handled below
        }
        if (connected.isDone() && !connected.isCompletedExceptionally()) {
            channel = connected.join();
            return channel;
        }
        if (process.isAlive()) {
            kill();
            throw new ForkFailedException("did not connect within " + LaunchTimeouts.CONNECT.toSeconds() + " s and was killed");
        }
        throw new ForkFailedException(WorkerProcesses.describeExit(awaitExit()) + " before it could run anything");
    }

    long pid() {
        return process.pid();
    }

    void kill() {
        WorkerProcesses.kill(process);
    }

    /** The exit code, once the process has ended; kills it if it has not within the exit timeout. */
    int awaitExit() throws InterruptedException {
        int exitCode = WorkerProcesses.awaitExit(process, LaunchTimeouts.EXIT);
        // The pumps end with the process; let them print its last words before anything else is reported.
        out.awaitEnd(5_000);
        err.awaitEnd(5_000);
        return exitCode;
    }

    /** The last lines the JVM wrote outside any test, for a crash report. */
    String outputTail() {
        String text = (out.tail() + "\n" + err.tail()).strip();
        return text.isEmpty() ? "" : " Its last output:\n" + text;
    }

    @Override
    public void close() throws InterruptedException {
        Channel current = channel;
        if (current != null) {
            try {
                current.send(new Message.Shutdown());
            } catch (IOException gone) {
                // it exited already
            }
        }
        awaitExit();
        if (current != null) {
            current.close();
        }
    }

    /** The fork never got to run anything. */
    static final class ForkFailedException extends Exception {
        ForkFailedException(String message) {
            super(message);
        }
    }
}
