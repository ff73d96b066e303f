package com.acme;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** Reads the process-wide mode, a little after the other classes have started. */
class ModeReaderTest {
    @Test
    void readsTheMode() throws InterruptedException {
        Thread.sleep(1500);
        assertNotNull(Registry.mode);
    }
}
