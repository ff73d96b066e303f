package com.acme.shards;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Sleeps 30 ms in a JVM of its own. */
@IsolatedProcess
class Timed20Test {
    @Test
    void sleeps() {
        Sleep.millis(30);
    }
}
