package com.acme.greeter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the module a test class and the code under test run in ("unnamed" on the class path). */
final class ModuleFacts {
    private ModuleFacts() {}

    static void record(Class<?> testClass) {
        String line = name(testClass.getModule()) + " " + name(Greeter.class.getModule()) + "\n";
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.facts")));
            Files.writeString(dir.resolve(testClass.getSimpleName() + ".txt"), line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Module module) {
        return module.isNamed() ? module.getName() : "unnamed";
    }
}
