package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Plain08Test {

    @Test
    void adds() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Plain08Test says hello");
        Thread.sleep(400);
        assertEquals(8 + 1, Calculator.add(8, 1));
        Recorder.record(getClass(), start);
    }

    @Test
    void addsZero() {
        assertEquals(8, Calculator.add(8, 0));
    }
}
