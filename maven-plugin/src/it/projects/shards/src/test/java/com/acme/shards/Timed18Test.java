package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 210 ms. */
class Timed18Test {
    @Test
    void sleeps() {
        Sleep.millis(210);
    }
}
