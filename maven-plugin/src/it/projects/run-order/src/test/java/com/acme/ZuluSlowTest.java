package com.acme;

import org.junit.jupiter.api.Test;

/** The longest class by far, so that balanced (longest first) starts it first. */
class ZuluSlowTest {

    @Test
    void takesItsTime() throws InterruptedException {
        StartOrder.started(getClass());
        Thread.sleep(800);
    }
}
