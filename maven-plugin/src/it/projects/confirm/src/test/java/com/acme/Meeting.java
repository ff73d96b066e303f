package com.acme;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets the classes of a pair meet in the shared JVM, so that they run at the same time and the reader reads before
 * the writer writes. Replayed one class at a time, the other never comes: each wait gives up after a few seconds
 * and the test goes on. The latches are static final, so they are no shared state of their own.
 */
final class Meeting {
    static final CountDownLatch MODE_READ = new CountDownLatch(1);
    static final CountDownLatch MODE_SET = new CountDownLatch(1);
    static final CountDownLatch LEVEL_SET = new CountDownLatch(1);

    private Meeting() {}

    static void await(CountDownLatch latch) throws InterruptedException {
        latch.await(4, TimeUnit.SECONDS);
    }
}
