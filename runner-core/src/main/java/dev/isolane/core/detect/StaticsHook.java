package dev.isolane.core.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;


/**
 * Called by instrumented code before each GETSTATIC and PUTSTATIC of a non-JDK field. Public because instrumented
 * classes in any package call it; not for use by hand.
 *
 * <p>The hot path is two checks: is the field ignored (synthetic, or {@code static final} holding a value that cannot
 * change in place), and has the class the thread works for already been seen doing this to it. Only a first access
 * per field and class does more: for a reference field, a fingerprint of the object it holds.
 */
@API(status = INTERNAL, since = "0.1")
public final class StaticsHook {

    private static final StackWalker STACK = StackWalker.getInstance();

    private StaticsHook() {}

    /** Before a GETSTATIC of field {@code id}. */
    public static void read(int id) {
        if (FieldRegistry.isIgnored(id)) {
            return;
        }
        ClassAccesses accesses = ClassAccesses.current();
        if (accesses != null && accesses.hasRead(id)) {
            return;
        }
        firstRead(id, accesses);
    }

    /**
     * After a GETSTATIC of a reference field {@code id}, with the value it read: the class's first read fingerprints the
     * object, so that a change made to it in place shows at the class's end.
     */
    public static void readValue(Object value, int id) {
        if (FieldRegistry.isIgnored(id)) {
            return;
        }
        ClassAccesses accesses = ClassAccesses.current();
        if (accesses != null && accesses.hasRead(id)) {
            return;
        }
        firstReadOf(id, value, accesses, false);
    }

    /** As {@link #readValue}, at a fill-on-miss site: a method that calls computeIfAbsent, or get then put, on it. */
    public static void fillValue(Object value, int id) {
        if (FieldRegistry.isIgnored(id)) {
            return;
        }
        ClassAccesses accesses = ClassAccesses.current();
        if (accesses != null && accesses.hasFilled(id)) {
            return;
        }
        firstReadOf(id, value, accesses, true);
    }

    /** Before a PUTSTATIC of field {@code id}; the field still holds its old value. */
    public static void write(int id) {
        if (FieldRegistry.isIgnored(id)) {
            return;
        }
        ClassAccesses accesses = ClassAccesses.current();
        if (accesses != null && accesses.hasWritten(id)) {
            return;
        }
        firstWrite(id, accesses, false);
    }

    /** Before a PUTSTATIC of field {@code id} in a method that null-checked it: lazy initialization, if it was null. */
    public static void initialize(int id) {
        if (FieldRegistry.isIgnored(id)) {
            return;
        }
        ClassAccesses accesses = ClassAccesses.current();
        if (accesses != null && accesses.hasWritten(id)) {
            return;
        }
        firstWrite(id, accesses, true);
    }

    private static void firstRead(int id, ClassAccesses accesses) {
        FieldRegistry.TrackedField field = FieldRegistry.resolve(id);
        if (field == null) {
            return;
        }
        if (accesses == null) {
            Unattributed.count(field.key());
        } else {
            accesses.recordRead(id);
        }
    }

    private static void firstReadOf(int id, Object value, ClassAccesses accesses, boolean fillSite) {
        FieldRegistry.TrackedField field = FieldRegistry.resolve(id);
        if (field == null) {
            return;
        }
        if (field.isConstant()) {
            if (accesses == null) {
                return; // reading a constant's object from an unattributed thread is no access worth counting
            }
            if (Fingerprint.isInert(value)) {
                FieldRegistry.ignore(id); // a static final field always holds this object: nothing to watch
                return;
            }
        }
        if (accesses == null) {
            Unattributed.count(field.key());
        } else if (inClassInitializer()) {
            // The object may be half built (a map a static initializer is still filling through a helper): no
            // fingerprint, and a constant's read not even marked, so that the class's first read afterwards takes it.
            if (!field.isConstant()) {
                accesses.recordRead(id);
            }
        } else {
            accesses.recordReadOf(id, value, fillSite);
        }
    }

    private static void firstWrite(int id, ClassAccesses accesses, boolean lazySite) {
        FieldRegistry.TrackedField field = FieldRegistry.resolve(id);
        if (field == null || inClassInitializer()) {
            // Not marked as seen: the class may still write the field for real once initialization is over.
            return;
        }
        if (accesses == null) {
            Unattributed.count(field.key());
        } else {
            accesses.recordWrite(id, field.value(), lazySite);
        }
    }

    /** A write made while any class initializer runs on this thread sets up state rather than changing it. */
    private static boolean inClassInitializer() {
        return STACK.walk(frames -> frames.anyMatch(frame -> frame.getMethodName().equals("<clinit>")));
    }
}
