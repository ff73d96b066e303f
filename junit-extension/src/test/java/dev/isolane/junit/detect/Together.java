package dev.isolane.junit.detect;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/** Makes the two concurrent fixtures meet, so both have started before the change and neither ends before it. */
final class Together {

    static final String PROPERTY = "isolane.test.concurrent";
    private static final CyclicBarrier BARRIER = new CyclicBarrier(2);

    private Together() {}

    /** Fails rather than hangs when the classes do not run at the same time. */
    static void meet() throws Exception {
        BARRIER.await(20, TimeUnit.SECONDS);
    }

    static void reset() {
        BARRIER.reset();
    }
}
