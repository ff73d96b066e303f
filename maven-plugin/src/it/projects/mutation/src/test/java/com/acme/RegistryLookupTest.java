package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Looks handlers up in the registry, after RegistryFillTest (alphabetical order, one thread). {@code findsYaml}
 * depends on that order without saying so: alone, it fails, which is what a replay confirms.
 */
class RegistryLookupTest {
    @Test
    void findsCsv() {
        assertEquals("CsvHandler", Registry.lookup("csv"));
    }

    @Test
    void findsYaml() {
        assertEquals("YamlHandler", Registry.lookup("yaml"));
    }
}
