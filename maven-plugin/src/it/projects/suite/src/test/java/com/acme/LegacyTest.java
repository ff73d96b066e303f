package com.acme;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** A JUnit 4 class in a Jupiter project that has junit:junit but not the Vintage engine. */
public class LegacyTest {

    @Test
    public void passes() {}

    @Test
    public void fails() {
        assertEquals("legacy", 1, 2);
    }
}
