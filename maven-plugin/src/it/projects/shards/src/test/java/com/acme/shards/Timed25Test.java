package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 180 ms. */
class Timed25Test {
    @Test
    void sleeps() {
        Sleep.millis(180);
    }
}
