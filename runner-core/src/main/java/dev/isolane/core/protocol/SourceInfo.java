package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where a test node comes from: a JUnit {@code TestSource} reduced to plain values.
 *
 * @param kind                 {@code class}, {@code method}, {@code package}, {@code classpath-resource} or {@code uri}
 * @param name                 the class, package or classpath resource name; for {@code uri} the URI
 * @param methodName           the method of a {@code method} source, else null
 * @param methodParameterTypes the method's parameter types, comma separated, else null
 * @param line                 the line of a file position, or 0
 * @param column               the column of a file position, or 0
 */
@API(status = INTERNAL, since = "0.1")
public record SourceInfo(String kind, String name, String methodName, String methodParameterTypes, int line,
        int column) {

    public SourceInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
