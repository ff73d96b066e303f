package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The first to ask fills the cache. */
class CountryNamesOneTest {
    @Test
    void germany() {
        assertEquals("Germany", CountryNames.name("DE"));
    }
}
