package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 60 ms. */
class Timed03Test {
    @Test
    void sleeps() {
        Sleep.millis(60);
    }
}
