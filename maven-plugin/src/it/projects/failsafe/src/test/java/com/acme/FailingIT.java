package com.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Fails when the build says -Dit.fail=true. */
class FailingIT {

    @Test
    void failsWhenAsked() {
        long start = System.currentTimeMillis();
        Recorder.record(getClass(), start);
        assertFalse(Boolean.getBoolean("it.fail"), "asked to fail");
    }

    @Test
    @Disabled("counted as skipped")
    void skipped() {}
}
