package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 300 ms. */
class Timed27Test {
    @Test
    void sleeps() {
        Sleep.millis(300);
    }
}
