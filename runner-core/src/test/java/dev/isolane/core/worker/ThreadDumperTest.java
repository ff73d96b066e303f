package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.testing.Await;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadDumperTest {

    @Test
    void showsDeadlockedThreadsFirstWithTheirLocksAndWholeStacks() throws Exception {
        Object one = new Object();
        Object two = new Object();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        // Daemons that stay deadlocked for the rest of this test JVM: nothing can free them.
        start("dumper-one", () -> lockBoth(one, two, bothHoldOne));
        start("dumper-two", () -> lockBoth(two, one, bothHoldOne));
        bothHoldOne.await(20, TimeUnit.SECONDS);

        // Both hold one lock before they block on the other: the JVM sees the deadlock a moment later.
        String dump = Await.until(Duration.ofSeconds(20), "a thread dump that shows the deadlock",
                ThreadDumper::dump, d -> d.contains("[DEADLOCKED]"));

        assertThat(dump).startsWith("Thread dump of pid " + ProcessHandle.current().pid())
                .contains("\nDeadlock: 2 threads wait for each other\n")
                .contains("\"dumper-one\" waits for java.lang.Object@").contains("held by \"dumper-two\"")
                .contains("\"dumper-one\" #").contains(" daemon prio=5 BLOCKED [DEADLOCKED]")
                .contains("\tat dev.isolane.core.worker.ThreadDumperTest.lockBoth(ThreadDumperTest.java:")
                .contains("\t- waiting to lock java.lang.Object@").contains("\t- locked java.lang.Object@");
        assertThat(dump.indexOf("\"dumper-one\" #")).isLessThan(dump.indexOf("\"main\" #"));
    }

    @Test
    void marksTheThreadRunningAClass() {
        RunnerThreads.started("com.acme.FooTest");
        try {
            assertThat(ThreadDumper.dump()).contains("\"" + Thread.currentThread().getName() + "\" #")
                    .contains(" RUNNABLE [runs com.acme.FooTest]")
                    .contains("\tat dev.isolane.core.worker.ThreadDumper.dump(ThreadDumper.java:");
        } finally {
            RunnerThreads.finished();
        }
    }

    private static void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void lockBoth(Object mine, Object theirs, CountDownLatch bothHoldOne) {
        synchronized (mine) {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (theirs) {
                throw new AssertionError("unreachable");
            }
        }
    }
}
