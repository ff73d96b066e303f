package com.acme;

import org.junit.jupiter.api.Test;

class FoxtrotTest {

    @Test
    void starts() {
        StartOrder.started(getClass());
    }
}
