package com.acme;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fills the heap until the JVM has none left. */
class HeapHogTest {

    @Test
    void fillsTheHeap() {
        System.out.println("HeapHogTest starts hoarding");
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[64 * 1024]);
        }
    }
}
