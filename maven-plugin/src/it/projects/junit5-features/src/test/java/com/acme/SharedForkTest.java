package com.acme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Records the fork number and working directory of the shared JVM. */
class SharedForkTest {

    @Test
    void recordsFork() throws IOException {
        String fork = System.getProperty("it.fork");
        if (fork != null) {
            Path dir = Files.createDirectories(Path.of(System.getProperty("it.dir")));
            Files.writeString(dir.resolve("shared-fork.txt"), fork + " " + Path.of("").toAbsolutePath());
        }
    }
}
