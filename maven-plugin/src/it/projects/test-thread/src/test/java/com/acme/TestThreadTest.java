package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The thread a test runs on: as the main thread of Surefire's fork, but for its name. */
class TestThreadTest {

    @Test
    void isNoDaemonAndNeitherIsAThreadItStarts() {
        assertFalse(Thread.currentThread().isDaemon());
        assertFalse(new Thread(() -> {}).isDaemon(), "a new thread inherits the daemon flag of its creator");
    }

    @Test
    void hasNormalPriority() {
        assertEquals(Thread.NORM_PRIORITY, Thread.currentThread().getPriority());
    }

    @Test
    void isInTheMainThreadGroup() {
        assertEquals("main", Thread.currentThread().getThreadGroup().getName());
    }

    @Test
    void loadsTestsWithTheSystemClassLoaderWhichIsItsContextClassLoader() {
        assertSame(ClassLoader.getSystemClassLoader(), getClass().getClassLoader());
        assertSame(ClassLoader.getSystemClassLoader(), Thread.currentThread().getContextClassLoader());
    }

    @Test
    void isNotInterrupted() {
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void hasNoHandlerOfItsOwnAndTheJvmHasNoDefaultOneSoATestsOwnIsCalled() throws Exception {
        Thread self = Thread.currentThread();
        assertSame(self.getThreadGroup(), self.getUncaughtExceptionHandler());
        assertNull(Thread.getDefaultUncaughtExceptionHandler());
        AtomicReference<Throwable> caught = new AtomicReference<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> caught.set(e));
        try {
            Thread thrower = new Thread(() -> {
                throw new IllegalStateException("uncaught");
            });
            thrower.start();
            thrower.join();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(null);
        }
        assertEquals("uncaught", caught.get().getMessage());
    }

    /** Different on purpose: Isolane's names say which lane ran the class (its reports show them). */
    @Test
    void isNamedMainInSurefireAndAfterItsLaneInIsolane() {
        String name = Thread.currentThread().getName();
        if (Runner.isolane()) {
            assertTrue(name.matches("isolane-(shared|isolated)-\\d+"), name);
        } else {
            assertEquals("main", name);
        }
    }
}
