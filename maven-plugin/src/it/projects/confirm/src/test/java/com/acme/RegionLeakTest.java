package com.acme;

import org.junit.jupiter.api.Test;

/** Sets a system property and leaves it set; no other class reads it. */
class RegionLeakTest {
    @Test
    void setsTheRegion() {
        System.setProperty("acme.region", "eu");
    }
}
