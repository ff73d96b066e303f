package com.acme;

import org.junit.jupiter.api.Test;

class LongSharedTest {
    @Test
    void takesForever() throws InterruptedException {
        PidFile.write(getClass());
        Thread.sleep(300_000);
    }
}
