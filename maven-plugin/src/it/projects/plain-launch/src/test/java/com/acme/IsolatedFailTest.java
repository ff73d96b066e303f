package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedFailTest {

    @Test
    void adds() {
        Recorder.record(getClass());
        assertEquals(2, Calculator.add(1, 1));
    }

    @Test
    void failsOnPurpose() {
        assertEquals(5, Calculator.add(2, 2), "forked arithmetic is off");
    }

    @Test
    void abortsOnPurpose() {
        Assumptions.assumeTrue(false, "not on this machine");
    }
}
