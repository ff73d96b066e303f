package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Plain07Test {

    @Test
    void adds() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Plain07Test says hello");
        Thread.sleep(400);
        assertEquals(7 + 1, Calculator.add(7, 1));
        Recorder.record(getClass(), start);
    }

    @Test
    void addsZero() {
        assertEquals(7, Calculator.add(7, 0));
    }
}
