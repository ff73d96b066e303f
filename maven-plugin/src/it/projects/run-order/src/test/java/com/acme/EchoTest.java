package com.acme;

import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    void starts() {
        StartOrder.started(getClass());
    }
}
