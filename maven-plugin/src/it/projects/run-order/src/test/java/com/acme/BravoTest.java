package com.acme;

import org.junit.jupiter.api.Test;

class BravoTest {

    @Test
    void starts() {
        StartOrder.started(getClass());
    }
}
