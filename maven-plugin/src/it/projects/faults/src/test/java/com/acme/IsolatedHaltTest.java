package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Halts through reflection, which no agent rewrites: the JVM really ends, with status 9. */
@IsolatedProcess
class IsolatedHaltTest {

    @Test
    void halts() throws Exception {
        Recorder.record(getClass(), System.currentTimeMillis());
        System.out.println("IsolatedHaltTest is about to halt");
        Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 9);
    }
}
