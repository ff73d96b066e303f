package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every outcome; flaky() fails its first run when it.flaky is true. */
class OutcomesTest {

    @Test
    void passes() {
        System.out.println("OutcomesTest.passes prints");
    }

    @Test
    @Tag("slow")
    void fails() {
        assertEquals(1, 2, "one is not two");
    }

    @Test
    void errors() {
        throw new IllegalStateException("broken state");
    }

    @Test
    @Disabled("not today")
    void disabled() {}

    @Test
    void assumed() {
        Assumptions.assumeTrue(false, "assumption failed");
    }

    @Test
    void flaky() throws IOException {
        if (!Boolean.getBoolean("it.flaky")) {
            return;
        }
        Path runs = Path.of(System.getProperty("it.dir"), "flaky-runs");
        Files.createDirectories(runs.getParent());
        Files.writeString(runs, ProcessHandle.current().pid() + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        assertTrue(Files.readAllLines(runs).size() > 1, "fails the first time");
    }
}
