package dev.isolane.core.worker;

import dev.isolane.core.model.Lane;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
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

    private TestThreads(int core, int max, BlockingQueue<Runnable> queue, String namePrefix) {
        super(core, max, 1, TimeUnit.HOURS, queue);
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> {
            TestThread thread = new TestThread(group, task, namePrefix + count.incrementAndGet());
            thread.setDaemon(false);
            thread.reset();
            return thread;
        });
    }

    /**
     * The pool of a worker's lane, its threads named {@code isolane-<lane>-<n>}; call from the worker's main thread.
     * An isolated worker's one thread prepares the launcher, then runs the class on it. The shared worker's threads
     * are made as classes need them and reused when idle: the coordinator decides how many classes run at once (with
     * threads=auto that number grows), so the pool has no cap of its own, and a thread still returning from the class
     * it just finished never makes the next class wait.
     */
    static ExecutorService create(Lane lane) {
        String prefix = "isolane-" + lane.label() + "-";
        return lane == Lane.ISOLATED ? new TestThreads(1, 1, new LinkedBlockingQueue<>(), prefix)
                : new TestThreads(0, Integer.MAX_VALUE, new SynchronousQueue<>(), prefix);
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
