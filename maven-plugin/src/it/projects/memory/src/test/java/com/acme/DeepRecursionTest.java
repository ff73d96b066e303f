package com.acme;

import org.junit.jupiter.api.Test;

class DeepRecursionTest {

    @Test
    void recursesForever() {
        recurse(0);
    }

    private static long recurse(long depth) {
        return recurse(depth + 1) + 1;
    }
}
