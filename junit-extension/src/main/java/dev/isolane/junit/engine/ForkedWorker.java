package dev.isolane.junit.engine;

import dev.isolane.core.coordinator.Coordinator;
import dev.isolane.core.coordinator.WorkerLauncher;
import dev.isolane.core.coordinator.WorkerServer;
import dev.isolane.core.protocol.Channel;
import dev.isolane.core.protocol.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One forked JVM running Isolane's worker, started like the Maven plugin starts an isolated worker: same main class,
 * same handshake, and it ends itself when this JVM goes away.
 */
final class ForkedWorker implements AutoCloseable {

    /** A fork that has not said hello by then is considered dead. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    /** After Shutdown, shutdown hooks (JaCoCo writes its data in one) get this long. */
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

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
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        command.add("@" + argFile);
        command.add(WorkerLauncher.MAIN_CLASS);
        command.add(String.valueOf(server.port()));
        command.add(workerId);
        command.add("isolated");
        command.add("1");
        command.add(String.valueOf(ProcessHandle.current().pid()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jvm.workingDirectory().toFile());
        builder.environment().put(WorkerLauncher.SECRET_VARIABLE, server.secret());
        return new ForkedWorker(builder.start(), connected);
    }

    /**
     * Wait until the fork has proven itself.
     *
     * @throws ForkFailedException when it exited or stayed silent instead
     */
    Channel awaitChannel() throws ForkFailedException, InterruptedException {
        try {
            CompletableFuture.anyOf(connected, process.onExit()).get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // handled below
        }
        if (connected.isDone() && !connected.isCompletedExceptionally()) {
            channel = connected.join();
            return channel;
        }
        if (process.isAlive()) {
            kill();
            throw new ForkFailedException("did not connect within " + CONNECT_TIMEOUT.toSeconds() + " s and was killed");
        }
        throw new ForkFailedException(Coordinator.describeExit(awaitExit()) + " before it could run anything");
    }

    long pid() {
        return process.pid();
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The exit code, once the process has ended; kills it if it has not within the exit timeout. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            process.waitFor();
        }
        // The pumps end with the process; let them print its last words before anything else is reported.
        out.awaitEnd(5_000);
        err.awaitEnd(5_000);
        return process.exitValue();
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
