package com.acme;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Two threads (not daemons) that each hold the lock the other wants. */
class DeadlockTest {

    private final Object ledger = new Object();
    private final Object journal = new Object();

    @Test
    void locksUp() throws InterruptedException {
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread first = new Thread(() -> lockBoth(ledger, journal, bothHoldOne), "ledger-first");
        Thread second = new Thread(() -> lockBoth(journal, ledger, bothHoldOne), "journal-first");
        first.start();
        second.start();
        first.join();
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
                System.out.println("unreachable");
            }
        }
    }
}
