package com.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Fails in the execution that sets order.fail, so that failedfirst starts it first in the next. */
class MikeFailingTest {

    @Test
    void failsWhenAsked() {
        StartOrder.started(getClass());
        assertFalse(Boolean.getBoolean("order.fail"), "asked to fail");
    }
}
