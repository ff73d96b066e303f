package com.acme.lib;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** Reads a resource that travels inside the test-jar. */
class ResourceUsingTest {
    @Test
    void readsBundledResource() {
        assertNotNull(getClass().getResource("/com/acme/lib/greeting.txt"));
    }
}
