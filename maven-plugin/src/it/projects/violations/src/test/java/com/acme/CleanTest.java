package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Touches no shared state. */
class CleanTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }
}
