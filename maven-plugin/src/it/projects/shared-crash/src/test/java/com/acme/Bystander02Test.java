package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs beside the culprit in the shared JVM; its results must be delivered all the same. */
class Bystander02Test {

    @Test
    void takesItsTime() throws Exception {
        long start = System.currentTimeMillis();
        System.out.println("Bystander02Test was here");
        Path started = Files.createDirectories(Path.of(System.getProperty("it.started")));
        Files.writeString(started.resolve(getClass().getSimpleName()), "");
        Thread.sleep(4000);
        Recorder.record(getClass(), start);
    }

    @Test
    void isQuick() {
        assertEquals(4, 2 + 2);
    }
}
