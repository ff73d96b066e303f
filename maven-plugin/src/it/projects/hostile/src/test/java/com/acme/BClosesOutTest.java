package com.acme;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Closes System.out and System.err when done, as careless try-with-resources code does. */
class BClosesOutTest {

    @Test
    void prints() {
        System.out.println("BClosesOutTest prints before closing");
    }

    @AfterAll
    static void closeTheStreams() {
        System.out.close();
        System.err.close();
    }
}
