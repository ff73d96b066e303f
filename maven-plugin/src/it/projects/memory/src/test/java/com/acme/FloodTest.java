package com.acme;

import org.junit.jupiter.api.Test;

/** Prints 300 MiB; Maven runs with a 256 MiB heap. */
class FloodTest {

    @Test
    void printsHundredsOfMegabytes() {
        System.out.println("FLOOD-START");
        String line = "x".repeat(1023);
        for (int i = 0; i < 300 * 1024; i++) {
            System.out.println(line);
        }
        System.out.println("FLOOD-END");
    }
}
