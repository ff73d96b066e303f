package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Runs in a JVM of its own. */
@IsolatedProcess
class IsolatedTaxTest {
    @Test
    void computesTax() throws InterruptedException {
        Thread.sleep(200);
        assertEquals(21, 100 * 21 / 100);
    }
}
