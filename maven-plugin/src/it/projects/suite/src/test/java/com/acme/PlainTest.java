package com.acme;

import org.junit.jupiter.api.Test;

/** A class outside the suite. */
class PlainTest {

    @Test
    void passes() {}
}
