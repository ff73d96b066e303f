package com.acme;

import org.junit.jupiter.api.Test;

/** Quick, except when it.stall is set: then it sleeps far longer than its history says, with no timeout set. */
class EStallsTest {

    @Test
    void waitsForSomethingThatDoesNotCome() throws InterruptedException {
        if (Boolean.getBoolean("it.stall")) {
            Thread.sleep(14_000);
        }
    }
}
