package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reads the limits array, after LimitsRaiseTest. */
class LimitsReadTest {
    @Test
    void secondTier() {
        assertEquals(20, Limits.MAX[1]);
    }
}
