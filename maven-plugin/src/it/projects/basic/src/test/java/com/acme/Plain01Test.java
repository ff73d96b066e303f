package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Plain01Test {

    @Test
    void adds() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Plain01Test says hello");
        Recorder.meetTheOtherOfThePair();
        Thread.sleep(400);
        assertEquals(1 + 1, Calculator.add(1, 1));
        Recorder.record(getClass(), start);
    }

    @Test
    void addsZero() {
        assertEquals(1, Calculator.add(1, 0));
    }
}
