package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The order test classes start in: Surefire's {@code runOrder}, or Isolane's own default, the longest classes first
 * by the history file's durations.
 *
 * @param kind which order
 * @param seed the seed of {@link Kind#RANDOM}, so that an order can be replayed; 0 for the other kinds
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunOrder(Kind kind, long seed) {

    /** The orders; the names are Surefire's. */
    public enum Kind {
        /** Isolane's default: longest first by the history file, classes it does not know before them. */
        LONGEST_FIRST(null),
        ALPHABETICAL("alphabetical"),
        REVERSE_ALPHABETICAL("reversealphabetical"),
        /** Shuffled with {@link #seed()}. */
        RANDOM("random"),
        /** Surefire 2's: alphabetical in even hours, reverse alphabetical in odd ones ({@link #at(int)}). */
        HOURLY("hourly"),
        /** Classes that failed in the last run first, then new ones, then the rest; longest first within each. */
        FAILED_FIRST("failedfirst"),
        /** Surefire's timing-balanced order, which Isolane's default already is: longest first. */
        BALANCED("balanced"),
        /** The order the test classes directories list their files in. */
        FILESYSTEM("filesystem");

        private final String surefireName;

        Kind(String surefireName) {
            this.surefireName = surefireName;
        }

        /** Surefire's name, or null for Isolane's default. */
        public String surefireName() {
            return surefireName;
        }
    }

    public static final RunOrder DEFAULT = new RunOrder(Kind.LONGEST_FIRST, 0);

    /** Jupiter's configuration parameters that order methods and nested classes within a class. */
    static final String METHOD_ORDER = "junit.jupiter.testmethod.order.default";
    static final String CLASS_ORDER = "junit.jupiter.testclass.order.default";
    static final String RANDOM_SEED = "junit.jupiter.execution.order.random.seed";
    /** Isolane's reverse-alphabetical orderers for Jupiter, run in the worker. */
    static final String REVERSE_METHOD_ORDER = "dev.isolane.core.worker.ReverseOrder$Methods";
    static final String REVERSE_CLASS_ORDER = "dev.isolane.core.worker.ReverseOrder$Classes";

    public RunOrder {
        Objects.requireNonNull(kind, "kind");
        seed = kind == Kind.RANDOM ? seed : 0;
    }

    /**
     * Parse Surefire's {@code runOrder}: one of its names, case-insensitive; of a comma-separated list, as in Surefire,
     * every name must be valid and the first one counts. Blank is Isolane's default.
     *
     * @param seed the {@code runOrder.random.seed}; null picks one (printed by {@link #replayHint}, to replay it)
     */
    public static RunOrder parse(String parameter, String value, Long seed) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        List<Kind> kinds = new ArrayList<>();
        for (String name : value.split(",")) {
            kinds.add(Arrays.stream(Kind.values())
                    .filter(kind -> name.trim().equalsIgnoreCase(kind.surefireName))
                    .findFirst()
                    .orElseThrow(() -> new InvalidConfigException(parameter, value, "Use one of: " + names()
                            + "; leave it unset for Isolane's default, the longest classes first.")));
        }
        Kind kind = kinds.get(0);
        return new RunOrder(kind, seed != null ? seed : kind == Kind.RANDOM ? System.nanoTime() : 0);
    }

    private static String names() {
        return String.join(", ", Arrays.stream(Kind.values()).map(Kind::surefireName)
                .filter(Objects::nonNull).toList());
    }

    /** The order at this hour of the day (0 to 23): {@link Kind#HOURLY} becomes alphabetical or reverse, as in Surefire 2. */
    public RunOrder at(int hourOfDay) {
        if (kind != Kind.HOURLY) {
            return this;
        }
        return new RunOrder(hourOfDay % 2 == 0 ? Kind.ALPHABETICAL : Kind.REVERSE_ALPHABETICAL, 0);
    }

    /**
     * What a run in random order prints, so that a failing order can be run again: Surefire's words, with the
     * property that sets the seed ({@code surefire.runOrder.random.seed} or {@code failsafe.runOrder.random.seed}).
     * Empty for the other orders.
     */
    public String replayHint(String seedProperty) {
        return kind != Kind.RANDOM ? ""
                : "Tests will run in random order. To reproduce ordering use flag -D" + seedProperty + "=" + seed;
    }

    /**
     * Jupiter's default orderers for methods and nested classes that go with this order, as Surefire 3.6 sets them for
     * {@code alphabetical}, {@code reversealphabetical} and {@code random} (with the seed); the worker applies each
     * unless the project configures that parameter itself. Empty for the other orders.
     */
    public Map<String, String> jupiterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        switch (kind) {
            case ALPHABETICAL -> {
                defaults.put(METHOD_ORDER, "org.junit.jupiter.api.MethodOrderer$MethodName");
                defaults.put(CLASS_ORDER, "org.junit.jupiter.api.ClassOrderer$ClassName");
            }
            case REVERSE_ALPHABETICAL -> {
                defaults.put(METHOD_ORDER, REVERSE_METHOD_ORDER);
                defaults.put(CLASS_ORDER, REVERSE_CLASS_ORDER);
            }
            case RANDOM -> {
                defaults.put(METHOD_ORDER, "org.junit.jupiter.api.MethodOrderer$Random");
                defaults.put(CLASS_ORDER, "org.junit.jupiter.api.ClassOrderer$Random");
                defaults.put(RANDOM_SEED, String.valueOf(seed));
            }
            default -> { }
        }
        return defaults;
    }

    /** Surefire's name, or {@code longest first} for Isolane's default. */
    public String label() {
        return kind == Kind.LONGEST_FIRST ? "longest first" : kind.surefireName().toLowerCase(Locale.ROOT);
    }
}
