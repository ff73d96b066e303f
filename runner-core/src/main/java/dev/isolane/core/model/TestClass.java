package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A test class found by discovery in a worker.
 *
 * @param className the binary name of the top-level class
 * @param isolated  whether the class carries {@code @IsolatedProcess}, directly, inherited or as a meta-annotation
 */
@API(status = INTERNAL, since = "0.1")
public record TestClass(String className, boolean isolated) {
    public TestClass {
        Objects.requireNonNull(className, "className");
    }
}
