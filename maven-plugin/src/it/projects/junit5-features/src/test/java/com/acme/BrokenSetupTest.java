package com.acme;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A failing @BeforeAll: one class-level error, its tests never run. */
class BrokenSetupTest {

    @BeforeAll
    static void setUp() {
        throw new IllegalStateException("setup broke");
    }

    @Test
    void neverRuns() {}

    @Test
    void neverRunsEither() {}
}
