package com.acme;

import org.junit.jupiter.api.Test;

/** The test itself passes; a thread it started calls System.exit. */
class ExitOnBackgroundThreadTest {

    @Test
    void startsAThreadThatExits() throws InterruptedException {
        Thread exiting = new Thread(() -> System.exit(11), "background-exit");
        exiting.start();
        exiting.join();
    }
}
