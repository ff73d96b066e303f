package com.acme;

import org.junit.jupiter.api.Test;

/** Sets a system property and forgets to clear it. */
class PropertyLeakTest {
    @Test
    void setsTheRegion() {
        System.setProperty("acme.region", "eu-west");
    }
}
