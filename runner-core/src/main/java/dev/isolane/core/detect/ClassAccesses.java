package dev.isolane.core.detect;

import dev.isolane.core.model.StateKey;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * What one test class has touched so far: the first read and the first write of each static field (with the value the
 * field held before that write), and each global it read or changed. Threads a test starts inherit the class, as with
 * output capture; once the class has ended, a thread that outlived it is unattributed rather than blamed on it.
 */
final class ClassAccesses {

    private static final InheritableThreadLocal<ClassAccesses> CURRENT = new InheritableThreadLocal<>();

    private final String className;
    private volatile boolean open = true;
    /** Bit per field id: seen reading / writing. Grown under the lock; a stale copy only costs a slow-path call. */
    private volatile long[] readBits = new long[64];
    private volatile long[] writeBits = new long[64];
    /** Bit per field id: seen reading through a fill-on-miss site (a cache lookup). */
    private volatile long[] fillBits = new long[64];
    /** Field id to the object it held at this class's first read, and that object's fingerprint then. */
    private final Map<Integer, Watch> watched = new ConcurrentHashMap<>();
    /** Field id to its first write by this class. */
    private final Map<Integer, FirstWrite> fieldsWritten = new ConcurrentHashMap<>();
    /** Global to true once written (a read-only global maps to false). */
    private final Map<StateKey, Boolean> globals = new ConcurrentHashMap<>();

    ClassAccesses(String className) {
        this.className = className;
    }

    /** The class the calling thread works for, or null. */
    static ClassAccesses current() {
        ClassAccesses accesses = CURRENT.get();
        return accesses != null && accesses.open ? accesses : null;
    }

    void enter() {
        CURRENT.set(this);
    }

    void close() {
        open = false;
        CURRENT.remove();
    }

    String className() {
        return className;
    }

    boolean hasRead(int id) {
        return isSet(readBits, id);
    }

    boolean hasWritten(int id) {
        return isSet(writeBits, id);
    }

    private static boolean isSet(long[] bits, int id) {
        int word = id >>> 6;
        return word < bits.length && (bits[word] & (1L << id)) != 0;
    }

    synchronized void recordRead(int id) {
        readBits = set(readBits, id);
    }

    boolean hasFilled(int id) {
        return isSet(fillBits, id);
    }

    /**
     * The first read of a reference field by this class (or its first read through a fill-on-miss site): the object
     * is fingerprinted now, before the class can have changed it, to compare with at the class's end.
     */
    void recordReadOf(int id, Object value, boolean fillSite) {
        Watch watch = watched.get(id);
        if (watch == null && value != null && !Fingerprint.isInert(value)) {
            Watch mine = new Watch(value, Fingerprint.of(value));
            Watch earlier = watched.putIfAbsent(id, mine); // another thread of this class may have come first
            watch = earlier != null ? earlier : mine;
        }
        synchronized (this) {
            if (fillSite) {
                if (watch != null) {
                    watch.filled = true;
                }
                fillBits = set(fillBits, id);
            }
            readBits = set(readBits, id);
        }
    }

    Map<Integer, Watch> watched() {
        return watched;
    }

    synchronized void recordWrite(int id, Object before, boolean lazySite) {
        fieldsWritten.putIfAbsent(id, new FirstWrite(before, lazySite));
        writeBits = set(writeBits, id);
    }

    private static long[] set(long[] bits, int id) {
        int word = id >>> 6;
        long[] grown = word < bits.length ? bits : Arrays.copyOf(bits, Math.max(bits.length * 2, word + 1));
        grown[word] |= 1L << id;
        return grown;
    }

    void recordGlobal(StateKey key, boolean write) {
        if (write) {
            globals.put(key, Boolean.TRUE);
        } else {
            globals.putIfAbsent(key, Boolean.FALSE);
        }
    }

    /** The ids of the fields this class read. */
    IntStream fieldsRead() {
        return BitSet.valueOf(readBits).stream();
    }

    Map<Integer, FirstWrite> fieldsWritten() {
        return fieldsWritten;
    }

    /**
     * The first write of a field by a class.
     *
     * @param before   the value just before it
     * @param lazySite whether the writing method null-checked the field first ({@code if (f == null) f = ...})
     */
    record FirstWrite(Object before, boolean lazySite) {}

    /** A reference field's object as this class first saw it. */
    static final class Watch {
        final Object object;
        final Fingerprint before;
        /** Whether the class reached the field through a fill-on-miss site ({@code computeIfAbsent}, get then put). */
        volatile boolean filled;

        Watch(Object object, Fingerprint before) {
            this.object = object;
            this.before = before;
        }
    }

    Map<StateKey, Boolean> globals() {
        return globals;
    }
}
