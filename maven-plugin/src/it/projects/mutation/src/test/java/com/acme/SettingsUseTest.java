package com.acme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reads the singleton's timeout, after SettingsTuneTest. */
class SettingsUseTest {
    @Test
    void hasATimeout() {
        assertTrue(Settings.INSTANCE.getTimeoutSeconds() > 0);
    }
}
