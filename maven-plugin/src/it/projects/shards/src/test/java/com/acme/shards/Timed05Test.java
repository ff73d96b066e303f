package com.acme.shards;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Sleeps 180 ms in a JVM of its own. */
@IsolatedProcess
class Timed05Test {
    @Test
    void sleeps() {
        Sleep.millis(180);
    }
}
