package com.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Prints, then fails when the build says -Dacme.fail=true; its quiet test passes. */
class LoudFailingTest {

    @Test
    void failsWhenAsked() {
        System.out.println("LoudFailingTest prints before failing");
        assertFalse(Boolean.getBoolean("acme.fail"), "asked to fail");
    }

    @Test
    void quiet() {
        System.out.println("the quiet one prints too");
    }
}
