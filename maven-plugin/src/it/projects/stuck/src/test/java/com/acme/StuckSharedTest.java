package com.acme;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Says where it runs, then never ends. */
class StuckSharedTest {

    @Test
    void neverEnds() throws Exception {
        Path pids = Files.createDirectories(Path.of(System.getProperty("it.pids")));
        Files.writeString(pids.resolve("shared"), String.valueOf(ProcessHandle.current().pid()));
        Thread.sleep(Long.MAX_VALUE);
    }
}
