package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedDeepRecursionTest {

    @Test
    void recursesForever() {
        recurse(0);
    }

    private static long recurse(long depth) {
        return recurse(depth + 1) + 1;
    }
}
