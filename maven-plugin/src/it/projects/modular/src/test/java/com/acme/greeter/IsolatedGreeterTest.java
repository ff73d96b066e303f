package com.acme.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedGreeterTest {

    @Test
    void greetsInAJvmOfItsOwn() {
        assertEquals("Hello, Grace", Greeter.greet("Grace"));
        ModuleFacts.record(getClass());
    }
}
