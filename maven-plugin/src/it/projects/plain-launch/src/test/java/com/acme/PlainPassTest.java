package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainPassTest {

    @Test
    void adds() {
        Recorder.record(getClass());
        assertEquals(2, Calculator.add(1, 1));
    }

    @Test
    void addsZero() {
        assertEquals(1, Calculator.add(1, 0));
    }
}
