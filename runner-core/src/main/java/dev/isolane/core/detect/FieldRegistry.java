package dev.isolane.core.detect;

import dev.isolane.core.model.StateKey;
import dev.isolane.core.model.StateKind;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the static fields that instrumented code reads or writes, so that hooks take an int. A field is resolved
 * (found by reflection) the first time a hook sees it; synthetic fields, and {@code static final} fields that hold a
 * primitive, a string or another value that cannot change in place, are then marked ignored, and every later access
 * to them costs one array read. Other {@code static final} fields are tracked for changes made in place.
 */
final class FieldRegistry {

    private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();
    /** Per id; grown under the lock, read without it. */
    private static volatile TrackedField[] fields = new TrackedField[4096];
    /** Guarded by FieldRegistry.class. */
    private static int count;
    /** Per id: true once the field is known not to be a target. Grown under the lock, read without it. */
    private static volatile boolean[] ignored = new boolean[4096];

    private FieldRegistry() {}

    /** The id of {@code owner.name} as code in {@code loader} refers to it; called while a class is transformed. */
    static int idOf(String ownerInternalName, String name, ClassLoader loader) {
        String key = ownerInternalName + '.' + name + '@' + System.identityHashCode(loader);
        Integer id = IDS.get(key);
        if (id != null) {
            return id;
        }
        synchronized (FieldRegistry.class) {
            id = IDS.get(key);
            if (id == null) {
                id = count++;
                if (id >= fields.length) {
                    ignored = Arrays.copyOf(ignored, ignored.length * 2);
                    fields = Arrays.copyOf(fields, fields.length * 2);
                }
                fields[id] = new TrackedField(ownerInternalName.replace('/', '.'), name, loader);
                IDS.put(key, id);
            }
            return id;
        }
    }

    /** The hot-path check every hook makes first. */
    static boolean isIgnored(int id) {
        boolean[] current = ignored;
        return id < current.length && current[id];
    }

    /** Marks a field not a target from now on: a {@code static final} field found to hold an inert value. */
    static void ignore(int id) {
        synchronized (FieldRegistry.class) {
            ignored[id] = true;
        }
    }

    /** The field behind an id, resolved on first use; null when it is not a target (then the id is ignored). */
    static TrackedField resolve(int id) {
        TrackedField field = fields[id];
        if (!field.resolve()) {
            synchronized (FieldRegistry.class) {
                ignored[id] = true;
            }
            return null;
        }
        return field;
    }

    /** A static field as instrumented code names it; its declaring class may be a superclass of the named owner. */
    static final class TrackedField {
        private final String owner;
        private final String name;
        private final WeakReference<ClassLoader> loader;
        private volatile boolean resolved;
        private volatile Field field;
        private volatile String target;
        private volatile boolean constant;
        /** The field as a piece of state, made once: the hooks need it on every unattributed access. */
        private volatile StateKey key;

        TrackedField(String owner, String name, ClassLoader loader) {
            this.owner = owner;
            this.name = name;
            this.loader = new WeakReference<>(loader);
        }

        /**
         * Find the field; false when it is synthetic, declared by the JDK, cannot be found, or is final and of a type
         * whose values cannot change in place.
         */
        boolean resolve() {
            return resolved ? field != null : resolveOnce();
        }

        private synchronized boolean resolveOnce() {
            if (resolved) {
                return field != null;
            }
            try {
                Field found = find(Class.forName(owner, false, loader.get()), name);
                if (found == null || found.isSynthetic() || !Modifier.isStatic(found.getModifiers())
                        || isJdk(found.getDeclaringClass())
                        || (Modifier.isFinal(found.getModifiers()) && !mayChangeInPlace(found.getType()))) {
                    return false;
                }
                constant = Modifier.isFinal(found.getModifiers());
                target = found.getDeclaringClass().getName() + '.' + name;
                key = new StateKey(StateKind.STATIC_FIELD, target);
                try {
                    found.setAccessible(true);
                } catch (RuntimeException notOpen) {
                    // a field in a closed module: tracked, but its value cannot be compared (never "restored")
                }
                field = found;
                return true;
            } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                return false;
            } finally {
                resolved = true;
            }
        }

        private static Field find(Class<?> type, String name) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field candidate : c.getDeclaredFields()) {
                    if (candidate.getName().equals(name)) {
                        return candidate;
                    }
                }
                for (Class<?> implemented : c.getInterfaces()) {
                    Field inInterface = find(implemented, name);
                    if (inInterface != null) {
                        return inInterface;
                    }
                }
            }
            return null;
        }

        /** An array can; a primitive or a final JDK class (String, BigDecimal, Pattern) cannot. */
        private static boolean mayChangeInPlace(Class<?> type) {
            return type.isArray()
                    || (!type.isPrimitive() && !(isJdk(type) && Modifier.isFinal(type.getModifiers())));
        }

        /** Whether the field is {@code static final}: only changes in place count, and only for attributed reads. */
        boolean isConstant() {
            return constant;
        }

        private static boolean isJdk(Class<?> type) {
            ClassLoader definer = type.getClassLoader();
            return definer == null || definer == ClassLoader.getPlatformClassLoader();
        }

        /** Binary name of the declaring class, a dot, the field name: {@code com.acme.Config.mode}. */
        String target() {
            return target;
        }

        StateKey key() {
            return key;
        }

        /** The current value, or {@link Values#UNKNOWN} when it cannot be read. */
        Object value() {
            try {
                return field.get(null);
            } catch (IllegalAccessException | RuntimeException e) {
                return Values.UNKNOWN;
            }
        }
    }
}
