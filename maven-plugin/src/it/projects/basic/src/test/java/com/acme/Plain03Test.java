package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Plain03Test {

    @Test
    void adds() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Plain03Test says hello");
        Thread.sleep(400);
        assertEquals(3 + 1, Calculator.add(3, 1));
        Recorder.record(getClass(), start);
    }

    @Test
    void addsZero() {
        assertEquals(3, Calculator.add(3, 0));
    }
}
