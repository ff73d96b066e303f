package com.acme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Waits for the other module's run to reach its own meeting point: proof that both run at the same time. */
class BetaMeetsTest {

    @Test
    void meetsTheOtherModule() throws Exception {
        long start = System.currentTimeMillis();
        Path rendezvous = Files.createDirectories(Path.of(System.getProperty("it.rendezvous")));
        Files.writeString(rendezvous.resolve("beta"), String.valueOf(ProcessHandle.current().pid()));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(rendezvous.resolve("alpha")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(rendezvous.resolve("alpha")), "module alpha never ran beside beta");
        Recorder.record(getClass(), start);
    }
}
