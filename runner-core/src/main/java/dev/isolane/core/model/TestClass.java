package dev.isolane.core.model;

import java.util.Objects;

/**
 * A test class found by discovery in a worker.
 *
 * @param className the binary name of the top-level class
 * @param isolated  whether the class carries {@code @IsolatedProcess}, directly, inherited or as a meta-annotation
 */
public record TestClass(String className, boolean isolated) {
    public TestClass {
        Objects.requireNonNull(className, "className");
    }
}
