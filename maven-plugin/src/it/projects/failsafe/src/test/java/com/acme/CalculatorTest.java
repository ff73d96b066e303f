package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalculatorTest {

    @Test
    void adds() {
        long start = System.currentTimeMillis();
        assertEquals(2, Calculator.add(1, 1));
        Recorder.record(getClass(), start);
    }
}
