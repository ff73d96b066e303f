package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Registers a handler in the process-wide registry and never takes it out. */
class RegistryFillTest {
    @Test
    void registersYaml() {
        Registry.register("yaml", "YamlHandler");
        assertEquals("YamlHandler", Registry.lookup("yaml"));
    }
}
