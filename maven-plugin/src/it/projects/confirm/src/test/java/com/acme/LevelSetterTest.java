package com.acme;

import org.junit.jupiter.api.Test;

/** Raises the process-wide level and leaves it raised. */
class LevelSetterTest {
    @Test
    void raisesTheLevel() {
        Config.setLevel(5);
        Meeting.LEVEL_SET.countDown();
    }
}
