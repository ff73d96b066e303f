package com.acme;

import dev.isolane.junit.IsolatedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Says where it runs, then never ends, with a non-daemon thread for company. */
@IsolatedProcess
class StuckIsolatedTest {

    @Test
    void neverEnds() throws Exception {
        new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ignored) {
                // gone either way
            }
        }, "non-daemon").start();
        Path pids = Files.createDirectories(Path.of(System.getProperty("it.pids")));
        Files.writeString(pids.resolve("isolated"), String.valueOf(ProcessHandle.current().pid()));
        Thread.sleep(Long.MAX_VALUE);
    }
}
