package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reads System.in, as a test of a command-line tool might: an empty stdin ends at once. */
class AReadsStdinTest {

    @Test
    void readsTheEndOfTheStream() throws Exception {
        assertEquals(-1, System.in.read());
    }
}
