package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Has its own JVM killed with SIGKILL, from another process. */
@IsolatedProcess
class IsolatedKilledTest {

    @Test
    void isKilled() throws Exception {
        Recorder.record(getClass(), System.currentTimeMillis());
        System.out.println("IsolatedKilledTest is about to be killed");
        new ProcessBuilder("kill", "-9", String.valueOf(ProcessHandle.current().pid())).inheritIO().start().waitFor();
        Thread.sleep(60_000);
    }
}
