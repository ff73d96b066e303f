package com.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Reads the toggles after FeatureToggleTest put them back. */
class FeatureUseTest {
    @Test
    void betaIsOff() {
        assertFalse(Features.ENABLED.contains("beta"));
    }
}
