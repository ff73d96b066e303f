package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.Lane;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pool threads look like the main thread of Surefire's fork, and each class finds its thread as it was made. */
class TestThreadsTest {

    /** One thread, so that the next class surely gets the thread the last one used. */
    private final ExecutorService pool = TestThreads.create(Lane.ISOLATED);
    private final ExecutorService shared = TestThreads.create(Lane.SHARED);

    @AfterEach
    void stop() throws InterruptedException {
        for (ExecutorService each : java.util.List.of(pool, shared)) {
            each.shutdownNow();
            assertThat(each.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aThreadIsNoDaemonAtNormalPriorityWithTheSystemClassLoaderAndSoAreTheThreadsItStarts() throws Exception {
        Thread made = shared.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
        Thread started = shared.submit(() -> new Thread(() -> {})).get(10, TimeUnit.SECONDS);

        assertThat(made.getName()).startsWith("isolane-shared-");
        assertThat(made.isDaemon()).isFalse();
        assertThat(started.isDaemon()).as("a thread a test starts inherits the flag").isFalse();
        assertThat(made.getPriority()).isEqualTo(Thread.NORM_PRIORITY);
        assertThat(made.getThreadGroup()).isSameAs(Thread.currentThread().getThreadGroup());
        assertThat(made.getContextClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
        assertThat(made.getUncaughtExceptionHandler()).as("the group's, deferring to the default handler")
                .isSameAs(made.getThreadGroup());
    }

    @Test
    void whatOneClassLeftOnItsThreadIsUndoneBeforeTheNext() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0])) {
            onPool(() -> {
                Thread self = Thread.currentThread();
                self.setName("renamed by a test");
                self.setPriority(Thread.MAX_PRIORITY);
                self.setContextClassLoader(loader);
                self.setUncaughtExceptionHandler((thread, e) -> {});
                self.interrupt();
                return self;
            });
        }
        AtomicReference<Boolean> interrupted = new AtomicReference<>();
        Thread next = onPool(() -> {
            interrupted.set(Thread.currentThread().isInterrupted());
            return Thread.currentThread();
        });

        assertThat(interrupted.get()).isFalse();
        assertThat(next.getName()).isEqualTo("isolane-isolated-1");
        assertThat(next.getPriority()).isEqualTo(Thread.NORM_PRIORITY);
        assertThat(next.getContextClassLoader()).isSameAs(ClassLoader.getSystemClassLoader());
        assertThat(next.getUncaughtExceptionHandler()).isSameAs(next.getThreadGroup());
    }

    private Thread onPool(java.util.concurrent.Callable<Thread> task) throws Exception {
        return pool.submit(task).get(10, TimeUnit.SECONDS);
    }
}
