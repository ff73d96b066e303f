package dev.isolane.core.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.StateAccess;
import dev.isolane.core.model.StateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The shared worker's side of violation detection: told when each class starts and ends, it says what state the
 * class touched. It does nothing unless the worker's agent enabled detection (only the shared lane's agent does).
 */
@API(status = INTERNAL, since = "0.1")
public final class Detector {

    private final GlobalsWatch globals = new GlobalsWatch();

    private Detector() {}

    /** A detector when this JVM's agent enabled detection, else null. */
    public static Detector forThisJvm() {
        return DetectionAgent.isEnabled() ? new Detector() : null;
    }

    /** Attribute the calling thread, and threads it starts, to the class; returns the handle for {@link #finished}. */
    public Object started(String className) {
        ClassAccesses accesses = new ClassAccesses(className);
        accesses.enter();
        globals.started(accesses);
        return accesses;
    }

    /** End the class's attribution and say what it touched; call on the thread that called {@link #started}. */
    public ClassState finished(Object handle) {
        ClassAccesses accesses = (ClassAccesses) handle;
        GlobalsWatch.Finish finish = globals.finished(accesses);
        accesses.close();
        Map<StateKey, StateAccess> byKey = new TreeMap<>();
        accesses.globals().forEach((key, wrote) -> byKey.put(key, new StateAccess(key, !wrote, wrote,
                wrote && finish.restoredByKey().getOrDefault(key, false), false)));
        accesses.fieldsRead().forEach(id -> merge(byKey, fieldAccess(id, null)));
        accesses.fieldsWritten().forEach((id, write) -> merge(byKey, fieldAccess(id, write)));
        accesses.watched().forEach((id, watch) -> merge(byKey, changeInPlace(id, watch)));
        List<ClassState.Unattributed> unattributed = new ArrayList<>(finish.unattributed());
        unattributed.addAll(Unattributed.drain());
        return new ClassState(accesses.className(), List.copyOf(byKey.values()), unattributed);
    }

    /** A field's access; a null write means a read. */
    private static StateAccess fieldAccess(int id, ClassAccesses.FirstWrite write) {
        FieldRegistry.TrackedField field = FieldRegistry.resolve(id);
        if (field == null) {
            return null;
        }
        StateKey key = field.key();
        if (write == null) {
            return new StateAccess(key, true, false, false, false);
        }
        Object now = field.value();
        boolean restored = Values.same(write.before(), now);
        boolean initialized = write.lazySite() && write.before() == null && now != null && now != Values.UNKNOWN;
        return new StateAccess(key, false, true, restored, initialized);
    }

    /**
     * A write made in place: the object the class first read from the field (still the field's object) no longer has
     * the fingerprint it had then. Null when it is unchanged, was replaced, or could not be fingerprinted.
     */
    private static StateAccess changeInPlace(int id, ClassAccesses.Watch watch) {
        FieldRegistry.TrackedField field = FieldRegistry.resolve(id);
        if (field == null || !watch.before.isKnown()) {
            return null;
        }
        if (!field.isConstant() && field.value() != watch.object) {
            return null; // the field was assigned another object: a write of the field itself, seen as such
        }
        Fingerprint after = Fingerprint.of(watch.object);
        if (!after.isKnown() || after.sameAs(watch.before)) {
            return null;
        }
        boolean lazyFill = watch.filled && after.onlyGrewFrom(watch.before);
        return new StateAccess(field.key(), false, true, false, lazyFill, after.describeChangeFrom(watch.before));
    }

    /** One entry per piece of state: a field named through a subclass and through its declarer is one field. */
    private static void merge(Map<StateKey, StateAccess> byKey, StateAccess access) {
        if (access == null) {
            return;
        }
        byKey.merge(access.key(), access, (a, b) -> new StateAccess(a.key(), a.read() || b.read(),
                a.wrote() || b.wrote(), a.wrote() ? (b.wrote() ? a.restored() && b.restored() : a.restored())
                : b.restored(), a.wrote() && b.wrote() ? a.lazilyInitialized() && b.lazilyInitialized()
                : a.lazilyInitialized() || b.lazilyInitialized(), a.inPlace() != null ? a.inPlace() : b.inPlace()));
    }
}
