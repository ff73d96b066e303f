package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 90 ms. */
class Timed16Test {
    @Test
    void sleeps() {
        Sleep.millis(90);
    }
}
