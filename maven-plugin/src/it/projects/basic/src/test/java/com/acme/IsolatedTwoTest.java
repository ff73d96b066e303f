package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedTwoTest {

    @Test
    void runsAloneToo() {
        long start = System.currentTimeMillis();
        System.err.println("IsolatedTwoTest writes to stderr");
        Recorder.record(getClass(), start);
    }

    @Test
    void failsOnRequest() {
        if (Boolean.getBoolean("it.fail")) {
            assertEquals(5, Calculator.add(2, 2), "forked arithmetic is off");
        }
    }

    @Test
    @Disabled("kept for the skip count")
    void skipped() {}
}
