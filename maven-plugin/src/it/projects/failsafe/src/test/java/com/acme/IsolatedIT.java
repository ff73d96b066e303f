package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Would start an embedded server on a fixed port, say: it gets a JVM of its own. */
@IsolatedProcess
class IsolatedIT {

    @Test
    void runsAlone() {
        long start = System.currentTimeMillis();
        assertEquals(3, Calculator.add(1, 2));
        Recorder.record(getClass(), start);
    }
}
