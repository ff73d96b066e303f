package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SharedTest {
    @Test
    void twice() {
        assertEquals(4, Shared.twice(2));
        assertEquals("w1", System.getProperty("it.worker"));
    }
}
