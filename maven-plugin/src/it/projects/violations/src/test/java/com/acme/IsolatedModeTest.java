package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Writes the same field as ModeSwitchTest, in a JVM of its own: never a violation. */
@IsolatedProcess
class IsolatedModeTest {
    @Test
    void runsStrict() {
        Registry.mode = "strict";
    }
}
