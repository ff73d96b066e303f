package com.acme;

import org.junit.jupiter.api.Test;

class DeltaTest {

    @Test
    void starts() {
        StartOrder.started(getClass());
    }
}
