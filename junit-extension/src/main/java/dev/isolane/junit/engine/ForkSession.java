package dev.isolane.junit.engine;

import dev.isolane.core.launch.WorkerServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.UniqueId;

/**
 * What the forks of one engine execution share: the authenticated server they connect back to, the argument file
 * they start with, and a timer for their timeouts. Each class runs in a JVM of its own; several may run at once
 * ({@link ParallelForks}).
 */
final class ForkSession implements AutoCloseable {

    private final ForkSettings settings;
    private final Map<String, String> configuration;
    private final ForkJvm jvm;
    private final WorkerServer server;
    private final Path directory;
    private final Path argFile;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "isolane-fork-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger started = new AtomicInteger();

    ForkSession(ForkJvm jvm, ForkSettings settings, Map<String, String> configuration) throws IOException {
        this.jvm = jvm;
        this.settings = settings;
        this.configuration = Map.copyOf(configuration);
        this.server = new WorkerServer();
        this.directory = Files.createTempDirectory("isolane-forks-");
        this.argFile = directory.resolve("fork.args");
        Files.writeString(argFile, jvm.argFile(), StandardCharsets.UTF_8);
    }

    void run(ForkedClassDescriptor forkedClass, EngineExecutionListener listener, UniqueId engineId)
            throws InterruptedException {
        new ForkedClassRun(forkedClass, new Replay(forkedClass, listener, engineId), this).run();
    }

    ForkedWorker startWorker() throws IOException {
        return ForkedWorker.start(server, jvm, argFile, "fork-" + started.incrementAndGet());
    }

    ForkSettings settings() {
        return settings;
    }

    Map<String, String> configuration() {
        return configuration;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.close();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // a leftover argument file in the temp directory is harmless
        }
    }
}
