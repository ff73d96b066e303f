package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 90 ms. */
class Timed26Test {
    @Test
    void sleeps() {
        Sleep.millis(90);
    }
}
