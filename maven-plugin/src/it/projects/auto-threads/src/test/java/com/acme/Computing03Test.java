package com.acme;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Spends its time computing: a core's worth of CPU for about two seconds. */
class Computing03Test {

    @Test
    void hashes() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            block = digest.digest(block.length > 64 ? block : new byte[1 << 20]);
            block = java.util.Arrays.copyOf(block, 1 << 20);
        }
        assertNotEquals(0, block.length);
    }
}
