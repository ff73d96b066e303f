package com.acme;

import org.junit.jupiter.api.Test;

/** Leaves a non-daemon thread running forever; the shared JVM must still end when the run does. */
class NonDaemonThreadTest {

    @Test
    void leavesAThreadBehind() {
        Recorder.record(getClass(), System.currentTimeMillis());
        Thread forever = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // keep going: this thread does not want to end
                }
            }
        }, "left-behind");
        forever.setDaemon(false);
        forever.start();
    }
}
