package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One piece of JVM-wide state: a static field ({@code com.acme.Config.mode}), a system property
 * ({@code user.timezone}), the default Locale, and so on.
 */
@API(status = INTERNAL, since = "0.1")
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
