package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 240 ms. */
class Timed01Test {
    @Test
    void sleeps() {
        Sleep.millis(240);
    }
}
