package com.acme;

import org.junit.jupiter.api.Test;

class PickedOneTest {

    @Test
    void runs() {}
}
