package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Leaves a non-daemon thread running; the isolated JVM must still end once its class is done. */
@IsolatedProcess
class IsolatedNonDaemonThreadTest {

    @Test
    void leavesAThreadBehind() {
        Recorder.record(getClass(), System.currentTimeMillis());
        Thread forever = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // keep going
                }
            }
        }, "left-behind");
        forever.start();
    }
}
