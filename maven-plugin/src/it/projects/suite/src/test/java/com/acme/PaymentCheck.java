package com.acme;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Run only through CheckoutSuiteTest. */
class PaymentCheck {

    @Test
    void pays() {}

    @Test
    void declines() {
        throw new IllegalStateException("gateway down");
    }

    @Test
    void needsAGateway() {
        Assumptions.assumeTrue(false, "no gateway here");
    }
}
