package com.acme;

import org.junit.jupiter.api.Test;

class AlphaTest {

    @Test
    void starts() {
        StartOrder.started(getClass());
    }
}
