package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 30 ms. */
class Timed10Test {
    @Test
    void sleeps() {
        Sleep.millis(30);
    }
}
