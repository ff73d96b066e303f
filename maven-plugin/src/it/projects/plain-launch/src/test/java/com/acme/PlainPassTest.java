package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Leaves a system property set, which the extension's listener reports at the end of a plain launch. */
class PlainPassTest {

    @Test
    void adds() {
        Recorder.record(getClass());
        assertEquals(2, Calculator.add(1, 1));
    }

    @Test
    void addsZero() {
        System.setProperty("acme.rounding", "DOWN");
        assertEquals(1, Calculator.add(1, 0));
    }
}
