package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An ordinary class: whatever the others do, its results must arrive intact. */
class Plain04Test {

    @Test
    void works() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Plain04Test says hello");
        Thread.sleep(500);
        Recorder.record(getClass(), start);
    }

    @Test
    void alsoWorks() {
        assertEquals(2, 1 + 1);
    }
}
