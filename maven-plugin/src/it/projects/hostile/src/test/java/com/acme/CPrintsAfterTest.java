package com.acme;

import org.junit.jupiter.api.Test;

/** Runs after the class that closed the streams, and prints. */
class CPrintsAfterTest {

    @Test
    void printsToBothStreams() {
        System.out.println("CPrintsAfterTest still has an out");
        System.err.println("CPrintsAfterTest still has an err");
    }
}
