package com.acme.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GreeterTest {
    @Test
    void greets() {
        assertEquals("Hello, Ann", Greeter.greet("Ann"));
    }

    @Test
    void failsOnPurpose() {
        assertEquals("Hi, Ann", Greeter.greet("Ann"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bo", "Cy"})
    void greetsMany(String name) {
        assertEquals("Hello, " + name, Greeter.greet(name));
    }

    @Nested
    class Polite {
        @Test
        void staysPolite() {}
    }
}
