package dev.isolane.core.detect;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the object a static field holds looks like, summed up cheaply enough to take at a class's first read of the
 * field and again at its end, so that a change made in place (an entry put into a {@code static final} map, a
 * singleton's setter called) shows as a different fingerprint.
 *
 * <p>Bounds: the object itself and one level inside it are opened ({@link #MAX_LEVEL}); below that an element is a
 * value (strings, boxed numbers) or an identity. A collection, map or array contributes its size and its first
 * {@link #MAX_ELEMENTS} elements, an object its first {@link #MAX_FIELDS} instance fields, and one fingerprint opens at
 * most {@link #MAX_NODES} values in all.
 *
 * <p>It never runs code of the user's: no {@code toString}, {@code hashCode} or {@code equals} but the JDK's own value
 * types', fields read by reflection, and collections opened only when they are JDK classes known to iterate without
 * calling out or taking a lock. Other JDK objects are opaque (compared by identity only), as are objects of library
 * classes (from a jar) and fields that cannot be read without {@code --add-opens}. Anything thrown while fingerprinting (a concurrent modification) makes it
 * {@link #UNKNOWN}, which equals nothing and is never reported as a change.
 */
final class Fingerprint {

    /** Levels opened: the field's object (0) and what it holds (1); level 2 is hashed as a value or identity. */
    static final int MAX_LEVEL = 2;
    static final int MAX_ELEMENTS = 64;
    static final int MAX_FIELDS = 32;
    static final int MAX_NODES = 1024;

    enum Shape { NULL, MAP, COLLECTION, ARRAY, OBJECT, ATOMIC, INERT, UNKNOWN }

    static final Fingerprint UNKNOWN = new Fingerprint(Shape.UNKNOWN, 0, 0, new long[0], null, false);

    /** JDK value types whose hashCode is pure and whose exact class is final: hashed by value. */
    private static final Set<Class<?>> VALUES = Set.of(String.class, Integer.class, Long.class, Short.class,
            Byte.class, Character.class, Boolean.class, Float.class, Double.class, BigInteger.class, BigDecimal.class,
            UUID.class);
    /** JDK collections whose size and iteration run no user code and take no lock. Exact classes only. */
    private static final Set<String> OPEN_COLLECTIONS = Set.of("java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.IdentityHashMap", "java.util.WeakHashMap", "java.util.EnumMap",
            "java.util.Properties", "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.ConcurrentSkipListMap", "java.util.ArrayList", "java.util.LinkedList",
            "java.util.ArrayDeque", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.PriorityQueue", "java.util.RegularEnumSet", "java.util.JumboEnumSet", "java.util.Arrays$ArrayList",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
            "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque",
            "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.ConcurrentHashMap$KeySetView");
    /** Of those, the ones whose iteration order says nothing: compared as multisets. */
    private static final Set<String> UNORDERED = Set.of("java.util.HashMap", "java.util.IdentityHashMap",
            "java.util.WeakHashMap", "java.util.Properties", "java.util.concurrent.ConcurrentHashMap",
            "java.util.HashSet", "java.util.PriorityQueue", "java.util.concurrent.ConcurrentHashMap$KeySetView");
    private static final long NULL_HASH = 0x5bd1e995L;

    /** An object's instance fields that can be read, its own and its non-JDK superclasses', found once per class. */
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> found = new ArrayList<>();
            for (Class<?> c = type; c != null && !isJdk(c) && found.size() < MAX_FIELDS; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (found.size() == MAX_FIELDS) {
                        break;
                    }
                    if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        found.add(field);
                    } catch (RuntimeException closed) {
                        // a class in a named module not opened to Isolane: left out rather than --add-opens asked for
                    }
                }
            }
            return found.toArray(new Field[0]);
        }
    };

    /**
     * Whether a class is the project's own, loaded from a directory (target/classes, target/test-classes), rather than
     * from a library's jar: only the project's objects are opened. Libraries keep caches in their objects (a mocking
     * library's generated types, a JSON mapper's serializers) that grow as tests use them, and are compared by identity.
     */
    private static final ClassValue<Boolean> OWN_CODE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                CodeSource source = type.getProtectionDomain().getCodeSource();
                URL location = source == null ? null : source.getLocation();
                return location != null && location.getPath().endsWith("/");
            } catch (RuntimeException e) {
                return false;
            }
        }
    };

    private final Shape shape;
    /** Elements, entries or fields; for an array, its length. */
    private final int size;
    private final long hash;
    /** The hash of each of the first elements, entries or fields (sorted for an unordered collection). */
    private final long[] parts;
    /** For an object, the name of the field behind each part. */
    private final String[] names;
    /** Whether every element was opened: the size is within the bounds and the budget lasted. */
    private final boolean complete;
    /** Whether the parts' order means something (an array, a list), so a changed element can be named by index. */
    private final boolean ordered;

    private Fingerprint(Shape shape, int size, long hash, long[] parts, String[] names, boolean complete) {
        this(shape, size, hash, parts, names, complete, true);
    }

    private Fingerprint(Shape shape, int size, long hash, long[] parts, String[] names, boolean complete,
            boolean ordered) {
        this.ordered = ordered;
        this.shape = shape;
        this.size = size;
        this.hash = hash;
        this.parts = parts;
        this.names = names;
        this.complete = complete;
    }

    /** The fingerprint of {@code value}; {@link #UNKNOWN} when it could not be taken (tried twice). */
    static Fingerprint of(Object value) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return new Walker().top(value);
            } catch (Throwable concurrentlyModifiedOrWorse) {
                // a ConcurrentModificationException, or anything else: try once more, then give up
            }
        }
        return UNKNOWN;
    }

    /** Whether nothing about the value can change in a way a fingerprint sees: a string, a JDK object, an enum. */
    static boolean isInert(Object value) {
        try {
            return value != null && Walker.shapeOf(value) == Shape.INERT;
        } catch (Throwable unreadableClass) {
            return false; // a field type that cannot be loaded, say: the fingerprint will be unknown
        }
    }

    Shape shape() {
        return shape;
    }

    int size() {
        return size;
    }

    boolean isKnown() {
        return shape != Shape.UNKNOWN;
    }

    /** Same contents, as far as the bounds see; never true of an unknown fingerprint. */
    boolean sameAs(Fingerprint other) {
        return isKnown() && other.isKnown() && shape == other.shape && size == other.size && hash == other.hash
                && Arrays.equals(parts, other.parts);
    }

    /**
     * Whether this fingerprint, taken after {@code before}, only adds to it: a map or collection that grew, every
     * entry it had still there unchanged. Beyond the bounds the entries cannot all be compared, and growth of the size
     * alone is taken for it: the caller asks only of a class that went through a fill-on-miss site, which never
     * replaces an entry.
     */
    boolean onlyGrewFrom(Fingerprint before) {
        if (!isKnown() || !before.isKnown() || shape != before.shape
                || (shape != Shape.MAP && shape != Shape.COLLECTION) || size <= before.size) {
            return false;
        }
        if (!complete || !before.complete) {
            return true;
        }
        // Multiset inclusion: every part before is matched by one part now.
        long[] now = sorted(parts);
        long[] then = sorted(before.parts);
        int j = 0;
        for (long part : now) {
            if (j < then.length && part == then[j]) {
                j++;
            }
        }
        return j == then.length;
    }

    /** How the value changed from {@code before} to this, in a phrase: {@code contents changed in place (3 -> 4 entries)}. */
    String describeChangeFrom(Fingerprint before) {
        if (shape != before.shape) {
            return "changed in place";
        }
        String unit = shape == Shape.MAP ? "entries" : "elements";
        switch (shape) {
            case MAP, COLLECTION, ARRAY -> {
                if (size != before.size) {
                    return "contents changed in place (" + before.size + " -> " + size + " " + unit + ")";
                }
                int first = firstDifferentPart(before);
                if (first >= 0 && ordered) {
                    return "contents changed in place (element [" + first + "] of " + size + ")";
                }
                return "contents changed in place (" + size + " " + unit + ")";
            }
            case OBJECT -> {
                List<String> changed = new ArrayList<>();
                for (int i = 0; i < Math.min(parts.length, before.parts.length); i++) {
                    if (parts[i] != before.parts[i]) {
                        changed.add(names[i]);
                    }
                }
                if (changed.isEmpty()) {
                    return "fields changed in place";
                }
                String shown = String.join(", ", changed.subList(0, Math.min(3, changed.size())));
                return "fields changed in place (" + shown
                        + (changed.size() > 3 ? " and " + (changed.size() - 3) + " more" : "") + ")";
            }
            case ATOMIC -> {
                return "value changed in place";
            }
            default -> {
                return "changed in place";
            }
        }
    }

    private int firstDifferentPart(Fingerprint before) {
        for (int i = 0; i < Math.min(parts.length, before.parts.length); i++) {
            if (parts[i] != before.parts[i]) {
                return i;
            }
        }
        return -1;
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    /** One fingerprint's walk: counts the values it opens against {@link #MAX_NODES}. */
    private static final class Walker {
        private int nodes;
        private boolean truncated;

        static Shape shapeOf(Object value) {
            if (value == null) {
                return Shape.NULL;
            }
            Class<?> type = value.getClass();
            if (type.isArray()) {
                return Shape.ARRAY;
            }
            if (isJdk(type)) {
                String name = type.getName();
                if (OPEN_COLLECTIONS.contains(name)) {
                    return value instanceof Map ? Shape.MAP : Shape.COLLECTION;
                }
                if (type == AtomicInteger.class || type == AtomicLong.class || type == AtomicBoolean.class
                        || type == AtomicReference.class) {
                    return Shape.ATOMIC;
                }
                return Shape.INERT;
            }
            return !OWN_CODE.get(type) || FIELDS.get(type).length == 0 ? Shape.INERT : Shape.OBJECT;
        }

        Fingerprint top(Object value) {
            Shape shape = shapeOf(value);
            return switch (shape) {
                case NULL -> new Fingerprint(shape, 0, NULL_HASH, new long[0], null, true);
                case INERT -> new Fingerprint(shape, 0, leaf(value), new long[0], null, true);
                case ATOMIC -> {
                    long part = hash(atomicValue(value), 1);
                    yield new Fingerprint(shape, 1, part, new long[] {part}, null, true);
                }
                case ARRAY -> {
                    int length = Array.getLength(value);
                    long[] parts = new long[Math.min(length, MAX_ELEMENTS)];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = hash(Array.get(value, i), 1);
                    }
                    yield new Fingerprint(shape, length, combine(parts, true), parts, null,
                            length <= MAX_ELEMENTS && !truncated);
                }
                case MAP, COLLECTION -> {
                    boolean ordered = !UNORDERED.contains(value.getClass().getName());
                    int size = shape == Shape.MAP ? ((Map<?, ?>) value).size() : ((Collection<?>) value).size();
                    long[] parts = elements(value, 1);
                    if (!ordered) {
                        Arrays.sort(parts);
                    }
                    yield new Fingerprint(shape, size, combine(parts, ordered), parts, null,
                            size <= MAX_ELEMENTS && parts.length == size && !truncated, ordered);
                }
                case OBJECT -> {
                    Field[] fields = FIELDS.get(value.getClass());
                    long[] parts = new long[fields.length];
                    String[] names = new String[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        names[i] = fields[i].getName();
                        parts[i] = hash(read(fields[i], value), 1);
                    }
                    yield new Fingerprint(shape, fields.length, combine(parts, true), parts, names, !truncated);
                }
                default -> UNKNOWN;
            };
        }

        /** The hashes of a map's entries or a collection's elements, the first {@link #MAX_ELEMENTS}. */
        private long[] elements(Object container, int level) {
            long[] parts = new long[MAX_ELEMENTS];
            int n = 0;
            if (container instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (n == MAX_ELEMENTS) {
                        break;
                    }
                    parts[n++] = mix(hash(entry.getKey(), level), hash(entry.getValue(), level));
                }
            } else {
                for (Object element : (Collection<?>) container) {
                    if (n == MAX_ELEMENTS) {
                        break;
                    }
                    parts[n++] = hash(element, level);
                }
            }
            return Arrays.copyOf(parts, n);
        }

        /** A value at {@code level}: opened while the level and the budget allow, else a value or identity hash. */
        private long hash(Object value, int level) {
            if (value == null) {
                return NULL_HASH;
            }
            if (level >= MAX_LEVEL || ++nodes > MAX_NODES) {
                truncated |= nodes > MAX_NODES;
                return leaf(value);
            }
            Shape shape = shapeOf(value);
            switch (shape) {
                case ARRAY -> {
                    int length = Array.getLength(value);
                    long[] parts = new long[Math.min(length, MAX_ELEMENTS)];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = hash(Array.get(value, i), level + 1);
                    }
                    return mix(length, combine(parts, true));
                }
                case MAP, COLLECTION -> {
                    boolean ordered = !UNORDERED.contains(value.getClass().getName());
                    long[] parts = elements(value, level + 1);
                    int size = shape == Shape.MAP ? ((Map<?, ?>) value).size() : ((Collection<?>) value).size();
                    return mix(size, combine(parts, ordered));
                }
                case ATOMIC -> {
                    return mix(7, hash(atomicValue(value), level + 1));
                }
                case OBJECT -> {
                    long h = mix(System.identityHashCode(value), 11);
                    for (Field field : FIELDS.get(value.getClass())) {
                        h = mix(h, hash(read(field, value), level + 1));
                    }
                    return h;
                }
                default -> {
                    return leaf(value);
                }
            }
        }

        private static Object read(Field field, Object owner) {
            try {
                return field.get(owner);
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }

        private static Object atomicValue(Object atomic) {
            if (atomic instanceof AtomicInteger i) {
                return i.get();
            } else if (atomic instanceof AtomicLong l) {
                return l.get();
            } else if (atomic instanceof AtomicBoolean b) {
                return b.get();
            }
            return ((AtomicReference<?>) atomic).get();
        }
    }

    /** A value hash for the JDK's value types, an identity hash for everything else. */
    static long leaf(Object value) {
        if (value == null) {
            return NULL_HASH;
        }
        Class<?> type = value.getClass();
        if (VALUES.contains(type)) {
            return mix(type.getName().hashCode(), value.hashCode());
        }
        return mix(0x632be59bd9b4e019L, System.identityHashCode(value));
    }

    private static long combine(long[] parts, boolean ordered) {
        long h = parts.length;
        for (long part : parts) {
            h = ordered ? mix(h, part) : h + part;
        }
        return h;
    }

    private static long mix(long a, long b) {
        long h = (a ^ 0x9e3779b97f4a7c15L) * 0xbf58476d1ce4e5b9L + b;
        h ^= h >>> 31;
        return h * 0x94d049bb133111ebL;
    }
}
