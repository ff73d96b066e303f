package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Only reads the constant tables. */
class UnitsOneTest {
    @Test
    void centimetres() {
        assertEquals(10, Units.factor("cm"));
        assertEquals("cm", Units.NAMES[1]);
    }
}
