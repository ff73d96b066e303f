package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainFailTest {

    @Test
    void adds() {
        Recorder.record(getClass());
        assertEquals(2, Calculator.add(1, 1));
    }

    @Test
    void failsOnPurpose() {
        assertEquals(3, Calculator.add(1, 1), "plain arithmetic is off");
    }
}
