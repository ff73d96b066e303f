package com.acme;

import org.junit.jupiter.api.Test;

/** Switches the process-wide mode to strict and never switches it back. */
class PolluterTest {
    @Test
    void switchesToStrictMode() throws InterruptedException {
        Meeting.await(Meeting.MODE_READ);
        Config.setMode("strict");
        Meeting.MODE_SET.countDown();
    }
}
