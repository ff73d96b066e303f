package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Finds the cache filled, and would have filled it the same way. */
class CountryNamesTwoTest {
    @Test
    void germanyAgain() {
        assertEquals("Germany", CountryNames.name("DE"));
    }
}
