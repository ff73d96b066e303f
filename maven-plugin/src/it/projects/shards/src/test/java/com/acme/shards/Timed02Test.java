package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 150 ms. */
class Timed02Test {
    @Test
    void sleeps() {
        Sleep.millis(150);
    }
}
