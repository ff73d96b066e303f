package dev.isolane.core.coordinator;

import java.util.BitSet;

/** Hands out the lowest free number from {@code first} up, so JVMs alive at once never share one. */
final class ForkNumbers {

    private final int first;
    private final BitSet taken = new BitSet();

    ForkNumbers(int first) {
        this.first = first;
    }

    int acquire() {
        int free = taken.nextClearBit(first);
        taken.set(free);
        return free;
    }

    void release(int number) {
        taken.clear(number);
    }
}
