package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Looks a handler up in the registry, after RegistryFillTest (alphabetical order, one thread). */
class RegistryLookupTest {
    @Test
    void findsCsv() {
        assertEquals("CsvHandler", Registry.lookup("csv"));
    }
}
