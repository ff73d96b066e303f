package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Writes an element of the shared limits array. */
class LimitsRaiseTest {
    @Test
    void raisesTheFirstTier() {
        Limits.MAX[0] = 99;
        assertEquals(99, Limits.MAX[0]);
    }
}
