package com.acme;

import dev.isolane.junit.IsolatedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An isolated class with parameterized and nested tests; records the fork number its JVM was given. */
@IsolatedProcess
class IsolatedParamTest {

    @ParameterizedTest
    @ValueSource(strings = {"x", "y"})
    @Tag("fast")
    void isolatedParam(String value) throws IOException {
        String fork = System.getProperty("it.fork");
        if (fork != null) {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.dir")));
            Files.writeString(dir.resolve("isolated-fork.txt"), fork);
        }
    }

    @Nested
    class InnerIsolated {
        @Test
        void nestedInIsolated() {}
    }
}
