package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedExitTest {

    @Test
    void exits() {
        Recorder.record(getClass(), System.currentTimeMillis());
        System.out.println("IsolatedExitTest is about to call System.exit(7)");
        System.exit(7);
    }
}
