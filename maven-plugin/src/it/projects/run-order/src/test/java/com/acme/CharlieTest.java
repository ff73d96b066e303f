package com.acme;

import org.junit.jupiter.api.Test;

class CharlieTest {

    @Test
    void starts() {
        StartOrder.started(getClass());
    }
}
