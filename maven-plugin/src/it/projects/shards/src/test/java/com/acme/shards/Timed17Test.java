package com.acme.shards;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Sleeps 300 ms. */
class Timed17Test {
    @Test
    void sleeps() {
        Sleep.millis(300);
    }

    @Test
    @Disabled("skipped on purpose")
    void skipped() {}
}
