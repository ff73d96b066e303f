package com.acme;

import org.junit.jupiter.api.Test;

/** The test of every plain class of this project: it says when its class started. */
abstract class StartsInOrder {

    @Test
    void starts() {
        StartOrder.started(getClass());
    }
}
