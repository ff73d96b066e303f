package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Only reads the constant tables, many times. */
class UnitsTwoTest {
    @Test
    void metres() {
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += Units.factor("m") + Units.NAMES.length;
        }
        assertEquals(1_003_000_000L, sum);
    }
}
