package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The second of three tests ends its JVM: the first passed, the third never starts. */
@IsolatedProcess
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolatedExitsMidwayTest {

    @Test
    @Order(1)
    void first() {
    }

    @Test
    @Order(2)
    void exits() {
        System.exit(0);
    }

    @Test
    @Order(3)
    void neverStarts() {
    }
}
