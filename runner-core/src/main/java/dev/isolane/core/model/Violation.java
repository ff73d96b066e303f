package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A piece of JVM-wide state that one test class changed in the shared JVM and another saw, or that it left changed.
 *
 * @param kind       what sort of state; the JSON report writes its label ({@code static-field}, ...)
 * @param target     the state: {@code com.acme.Config.mode}, {@code user.timezone}, ...
 * @param writers    the classes that changed it
 * @param readers    the classes that read or changed it after (or while) a writer changed it
 * @param concurrent whether a writer and a reader ran at the same time
 * @param restored   whether every writer put the state back as it found it
 * @param hint       what to do about it
 * @param inPlace    for a static field whose object a writer changed in place (a map's entries, an array's elements,
 *                   a singleton's fields), how: {@code contents changed in place (3 -> 4 entries)}; else null (and
 *                   absent from the JSON report)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Violation(
        StateKind kind,
        String target,
        List<String> writers,
        List<String> readers,
        boolean concurrent,
        boolean restored,
        String hint,
        String inPlace) {

    /** A violation on state that was not changed in place. */
    public Violation(StateKind kind, String target, List<String> writers, List<String> readers, boolean concurrent,
            boolean restored, String hint) {
        this(kind, target, writers, readers, concurrent, restored, hint, null);
    }

    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
    }
}
