package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class AlphaIsolatedTest {

    @Test
    void runsAlone() throws Exception {
        long start = System.currentTimeMillis();
        Thread.sleep(300);
        Recorder.record(getClass(), start);
    }
}
