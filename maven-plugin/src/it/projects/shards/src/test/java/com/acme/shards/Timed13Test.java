package com.acme.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sleeps 60 ms. */
class Timed13Test {
    @Test
    void sleeps() {
        Sleep.millis(60);
    }

    @Test
    void failsOnPurpose() {
        assertEquals(1, 2, "a failure every shard reports the same way");
    }
}
