package com.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends a class's name to the execution's order file as the class starts; classes run one at a time. */
final class StartOrder {
    private StartOrder() {}

    static void started(Class<?> testClass) {
        try {
            Path file = Path.of(System.getProperty("order.file"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, testClass.getSimpleName() + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
