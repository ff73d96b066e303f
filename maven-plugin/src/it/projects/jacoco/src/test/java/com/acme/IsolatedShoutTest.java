package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedShoutTest {
    @Test
    void shout() {
        assertEquals("HI!", OnlyIsolated.shout("hi"));
        assertEquals("w2", System.getProperty("it.worker"));
    }
}
