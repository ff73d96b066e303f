package dev.isolane.junit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.UniqueId;

/**
 * The forked classes of one engine execution, run up to {@code isolane.forks} at once in the order they were
 * discovered, each on a thread that starts its JVM and replays its events as they arrive, into one {@link
 * ReplayTarget}: an IDE sees the events of several classes interleaved, never two at the same instant, and each
 * class's own in order. The session is closed once every class is over.
 */
final class ParallelForks {

    /** How long a cancelled execution waits for the forks' threads to finish their replays. */
    private static final long CANCEL_WAIT_SECONDS = 30;

    private final ForkSession session;
    private final ExecutorService pool;
    private final List<Future<?>> runs = new ArrayList<>();

    private ParallelForks(ForkSession session, int threads) {
        this.session = session;
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "isolane-fork-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Start running the classes now; {@link #await} waits for them. */
    static ParallelForks start(List<ForkedClassDescriptor> classes, ForkSession session, ReplayTarget target,
            UniqueId engineId) {
        ParallelForks forks = new ParallelForks(session, Math.max(1, Math.min(session.settings().maxForks(),
                classes.size())));
        for (ForkedClassDescriptor forkedClass : classes) {
            forks.runs.add(forks.pool.submit(() -> {
                session.run(forkedClass, target, engineId);
                return null;
            }));
        }
        return forks;
    }

    /** Wait until every class is over and replayed, then close the session; a replay's own failure goes on up. */
    void await() throws InterruptedException {
        try {
            for (Future<?> run : runs) {
                awaitRethrowing(run);
            }
        } finally {
            pool.shutdownNow();
            // No replay may reach the listener after the engine reported itself finished.
            pool.awaitTermination(CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
            session.close();
        }
    }

    private static void awaitRethrowing(Future<?> run) throws InterruptedException {
        try {
            run.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException(cause);
        }
    }
}
