package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Never ends, and ignores interrupts. */
@IsolatedProcess
class IsolatedHangingTest {

    @Test
    void neverEnds() {
        Recorder.record(getClass(), System.currentTimeMillis());
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // not stopping
            }
        }
    }
}
