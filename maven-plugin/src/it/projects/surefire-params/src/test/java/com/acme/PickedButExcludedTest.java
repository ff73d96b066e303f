package com.acme;

import org.junit.jupiter.api.Test;

class PickedButExcludedTest {

    @Test
    void runs() {}
}
