package com.acme;

import org.junit.jupiter.api.Test;

class RuntimeExitTest {

    @Test
    void exits() {
        Recorder.record(getClass(), System.currentTimeMillis());
        Runtime.getRuntime().exit(4);
    }
}
