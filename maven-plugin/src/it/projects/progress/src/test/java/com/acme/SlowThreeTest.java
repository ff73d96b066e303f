package com.acme;

import org.junit.jupiter.api.Test;

/** Takes seven seconds, so that the run lasts long enough for progress lines. */
class SlowThreeTest {
    @Test
    void takesItsTime() throws InterruptedException {
        Thread.sleep(7000);
    }
}
