package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 30 ms. */
class Timed30Test {
    @Test
    void sleeps() {
        Sleep.millis(30);
    }
}
