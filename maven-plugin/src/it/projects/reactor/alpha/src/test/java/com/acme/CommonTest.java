package com.acme;

import org.junit.jupiter.api.Test;

/** A class of the same name in both modules: each module's report must hold its own. */
class CommonTest {

    @Test
    void saysWhichModule() {
        long start = System.currentTimeMillis();
        System.out.println("CommonTest of " + System.getProperty("it.module"));
        Recorder.record(getClass(), start);
    }
}
