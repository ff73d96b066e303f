package com.acme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reads the level LevelSetterTest raised, and works with any positive level: the change does not matter to it. */
class LevelUserTest {
    @Test
    void worksAtAnyLevel() throws InterruptedException {
        Meeting.await(Meeting.LEVEL_SET);
        assertTrue(Config.level() > 0);
    }
}
