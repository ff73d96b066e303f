package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Plain02Test {

    @Test
    void adds() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Plain02Test says hello");
        Recorder.meetTheOtherOfThePair();
        Thread.sleep(400);
        assertEquals(2 + 1, Calculator.add(2, 1));
        Recorder.record(getClass(), start);
    }

    @Test
    void addsZero() {
        assertEquals(2, Calculator.add(2, 0));
    }
}
