package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalculatorTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }

    @Test
    void multiplies() {
        assertEquals(6, 2 * 3);
    }

    @Test
    void divides() throws InterruptedException {
        Thread.sleep(300);
        assertEquals(2, 6 / 3);
    }
}
