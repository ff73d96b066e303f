package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Plain04Test {

    @Test
    void adds() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Plain04Test says hello");
        Thread.sleep(400);
        assertEquals(4 + 1, Calculator.add(4, 1));
        Recorder.record(getClass(), start);
    }

    @Test
    void addsZero() {
        assertEquals(4, Calculator.add(4, 0));
    }
}
