package com.acme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Switches a feature on for each test and off again after it: runs alone, so nobody sees it on. */
class FeatureToggleTest {
    @BeforeEach
    void enableBeta() {
        Features.ENABLED.add("beta");
    }

    @AfterEach
    void disableBeta() {
        Features.ENABLED.remove("beta");
    }

    @Test
    void betaIsOn() {
        assertTrue(Features.ENABLED.contains("beta"));
    }
}
