package com.acme.shards;

import org.junit.jupiter.api.Test;

/** Sleeps 60 ms. */
class Timed23Test {
    @Test
    void sleeps() {
        Sleep.millis(60);
    }
}
