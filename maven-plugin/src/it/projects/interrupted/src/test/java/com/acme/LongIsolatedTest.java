package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class LongIsolatedTest {
    @Test
    void takesForever() throws InterruptedException {
        PidFile.write(getClass());
        Thread.sleep(300_000);
    }
}
