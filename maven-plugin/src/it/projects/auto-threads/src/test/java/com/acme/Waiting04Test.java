package com.acme;

import org.junit.jupiter.api.Test;

/** Spends its time waiting, as a test waiting on IO or a container does: almost no CPU. */
class Waiting04Test {

    @Test
    void waitsForAnAnswer() throws InterruptedException {
        Thread.sleep(1500);
    }

    @Test
    void waitsAgain() throws InterruptedException {
        Thread.sleep(1500);
    }
}
