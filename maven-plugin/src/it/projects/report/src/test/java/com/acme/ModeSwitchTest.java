package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Switches the process-wide mode and never switches it back. */
class ModeSwitchTest {
    @Test
    void switchesToFast() {
        Registry.mode = "fast";
        assertEquals("fast", Registry.mode);
    }
}
