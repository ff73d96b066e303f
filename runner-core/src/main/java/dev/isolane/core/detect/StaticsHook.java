package dev.isolane.core.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;


/**
 * Called by instrumented code before each GETSTATIC and PUTSTATIC of a non-JDK field. Public because instrumented
 * classes in any package call it; not for use by hand.
 *
 * <p>The hot path is two checks: is the field ignored ({@code static final}, synthetic), and has the class the thread
 * works for already been seen doing this to it. Only a first access per field and class does more.
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
