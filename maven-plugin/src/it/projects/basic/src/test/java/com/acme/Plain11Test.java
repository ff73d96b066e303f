package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Plain11Test {

    @Test
    void adds() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Plain11Test says hello");
        Thread.sleep(400);
        assertEquals(11 + 1, Calculator.add(11, 1));
        Recorder.record(getClass(), start);
    }

    @Test
    void addsZero() {
        assertEquals(11, Calculator.add(11, 0));
    }
}
