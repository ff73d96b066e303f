package com.acme;

import org.junit.jupiter.api.Test;

/** The includes file picks its picked* methods only. */
class MethodsTest {

    @Test
    void pickedOne() {}

    @Test
    void notPicked() {}
}
