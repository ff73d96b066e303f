package dev.isolane.core.model;

import java.util.Objects;

/**
 * One piece of JVM-wide state: a static field ({@code com.acme.Config.mode}), a system property
 * ({@code user.timezone}), the default Locale, and so on.
 */
public record StateKey(StateKind kind, String target) implements Comparable<StateKey> {

    public StateKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public int compareTo(StateKey other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : target.compareTo(other.target);
    }

    @Override
    public String toString() {
        return kind.label() + " " + target;
    }
}
