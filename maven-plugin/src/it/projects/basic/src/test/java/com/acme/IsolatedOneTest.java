package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedOneTest {

    @Test
    void runsAlone() {
        long start = System.currentTimeMillis();
        assertEquals(2, Calculator.add(1, 1));
        Recorder.record(getClass(), start);
    }
}
