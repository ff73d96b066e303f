package com.acme;

import org.junit.jupiter.api.Test;

class HangingTest {

    @Test
    void waitsForever() throws InterruptedException {
        Recorder.record(getClass(), System.currentTimeMillis());
        System.out.println("HangingTest waits forever");
        Thread.sleep(Long.MAX_VALUE);
    }
}
