package com.acme;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class PlainSkipTest {

    @Test
    void runs() {
        Recorder.record(getClass());
    }

    @Test
    @Disabled("plain one is for later")
    void later() {}
}
