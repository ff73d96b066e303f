package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedSkipTest {

    @Test
    void runs() {
        Recorder.record(getClass());
    }

    @Test
    @Disabled("isolated one is for later")
    void later() {}
}
