package com.acme;

import dev.isolane.junit.IsolatedProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fills the heap until the JVM has none left. */
@IsolatedProcess
class IsolatedHeapHogTest {

    @Test
    void fillsTheHeap() {
        System.out.println("IsolatedHeapHogTest starts hoarding");
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[64 * 1024]);
        }
    }
}
