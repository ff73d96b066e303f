package dev.isolane.core.worker;

import dev.isolane.core.model.Lane;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker's pool of test threads, each made to look like the {@code main} thread that runs tests in Surefire's fork:
 * not a daemon (a thread a test starts inherits that, and some tests assert it), in the {@code main} thread group, at
 * normal priority, with the system class loader as context class loader. Before each class, whatever the previous
 * class left on the thread is undone: an interrupt, a priority, a context class loader, an uncaught-exception handler
 * or a name of its own. The worker ends by {@code System.exit} or a halt, so these threads never keep it alive.
 */
final class TestThreads extends ThreadPoolExecutor {

    private TestThreads(int threads, String namePrefix) {
        super(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> {
            TestThread thread = new TestThread(group, task, namePrefix + count.incrementAndGet());
            thread.setDaemon(false);
            thread.reset();
            return thread;
        });
    }

    /** A pool of {@code threads} threads named {@code isolane-<lane>-<n>}; call from the worker's main thread. */
    static ExecutorService create(Lane lane, int threads) {
        return new TestThreads(threads, "isolane-" + lane.label() + "-");
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
        super.beforeExecute(thread, task);
        ((TestThread) thread).reset();
        Thread.interrupted(); // an interrupt a class left behind must not hit the next one
    }

    /** A pool thread that remembers its name, which reports show, even if a test renames it. */
    private static final class TestThread extends Thread {

        private final String originalName;

        TestThread(ThreadGroup group, Runnable task, String name) {
            super(group, task, name);
            this.originalName = name;
        }

        void reset() {
            setName(originalName);
            setPriority(NORM_PRIORITY);
            setContextClassLoader(ClassLoader.getSystemClassLoader());
            setUncaughtExceptionHandler(null); // the thread group's, which defers to the JVM's default handler
        }
    }
}
