package com.acme.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.lib.Greeter;
import org.junit.jupiter.api.Test;

class AppTest {
    @Test
    void usesLib() {
        assertEquals("Hello, app", Greeter.greet("app"));
    }
}
