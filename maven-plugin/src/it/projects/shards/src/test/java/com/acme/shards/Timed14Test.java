package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 270 ms. */
class Timed14Test {
    @Test
    void sleeps() {
        Sleep.millis(270);
    }
}
