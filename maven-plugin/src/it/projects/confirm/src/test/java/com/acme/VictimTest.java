package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Needs the default mode: it passes alone, and fails whenever PolluterTest ran before it in the same JVM. */
class VictimTest {
    @Test
    void readsDefaultMode() throws InterruptedException {
        String mode = Config.mode();
        Meeting.MODE_READ.countDown();
        Meeting.await(Meeting.MODE_SET);
        assertEquals("default", mode);
    }

    @Test
    void formatsAnything() {
        assertEquals("x", String.valueOf('x'));
    }
}
