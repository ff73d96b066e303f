package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 120 ms. */
class Timed09Test {
    @Test
    void sleeps() {
        Sleep.millis(120);
    }
}
