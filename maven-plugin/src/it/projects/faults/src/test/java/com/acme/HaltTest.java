package com.acme;

import org.junit.jupiter.api.Test;

class HaltTest {

    @Test
    void halts() {
        Recorder.record(getClass(), System.currentTimeMillis());
        Runtime.getRuntime().halt(5);
    }
}
