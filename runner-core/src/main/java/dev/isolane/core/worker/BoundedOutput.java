package dev.isolane.core.worker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What one test class printed to one stream, kept within a fixed budget: the first {@code headLimit} bytes and the
 * last {@code tailLimit} bytes survive, and the middle is replaced by a line saying how much was dropped. A class
 * that prints gigabytes therefore costs the worker and the coordinator a few megabytes at most.
 */
final class BoundedOutput {

    private final int headLimit;
    private final int tailLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    /** Made on the first byte past the head: most tests print little or nothing, and every test has two of these. */
    private byte[] tail;
    private int tailStart;
    private int tailSize;
    private long dropped;

    BoundedOutput(int headLimit, int tailLimit) {
        this.headLimit = headLimit;
        this.tailLimit = tailLimit;
    }

    synchronized void write(byte[] bytes, int offset, int length) {
        int toHead = Math.min(length, headLimit - head.size());
        if (toHead > 0) {
            head.write(bytes, offset, toHead);
            offset += toHead;
            length -= toHead;
        }
        if (length > 0) {
            appendToTail(bytes, offset, length);
        }
    }

    /** Bulk copies into the ring: a class printing hundreds of megabytes must not cost a loop turn per byte. */
    private void appendToTail(byte[] bytes, int offset, int length) {
        if (tail == null) {
            tail = new byte[tailLimit];
        }
        int capacity = tail.length;
        if (length >= capacity) {
            dropped += tailSize + (length - capacity);
            if (capacity > 0) {
                System.arraycopy(bytes, offset + length - capacity, tail, 0, capacity);
            }
            tailStart = 0;
            tailSize = capacity;
            return;
        }
        int overflow = Math.max(0, tailSize + length - capacity);
        dropped += overflow;
        tailStart = (tailStart + overflow) % capacity;
        tailSize -= overflow;
        int end = (tailStart + tailSize) % capacity;
        int first = Math.min(length, capacity - end);
        System.arraycopy(bytes, offset, tail, end, first);
        System.arraycopy(bytes, offset + first, tail, 0, length - first);
        tailSize += length;
    }

    int headLimit() {
        return headLimit;
    }

    int tailLimit() {
        return tailLimit;
    }

    synchronized String text() {
        if (head.size() == 0 && tailSize == 0 && dropped == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(head.toString(StandardCharsets.UTF_8));
        if (dropped > 0) {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append("[isolane: ").append(String.format("%,d", dropped))
                    .append(" bytes of output dropped here; the first ").append(headLimit)
                    .append(" and the last ").append(tailLimit).append(" bytes are kept]\n");
        }
        byte[] ordered = new byte[tailSize];
        for (int i = 0; i < tailSize; i++) {
            ordered[i] = tail[(tailStart + i) % tail.length];
        }
        text.append(new String(ordered, StandardCharsets.UTF_8));
        return text.toString();
    }
}
