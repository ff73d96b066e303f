package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Shortens the singleton's timeout and leaves it so. */
class SettingsTuneTest {
    @Test
    void shortensTheTimeout() {
        Settings.INSTANCE.setTimeoutSeconds(5);
        assertEquals(5, Settings.INSTANCE.getTimeoutSeconds());
    }
}
