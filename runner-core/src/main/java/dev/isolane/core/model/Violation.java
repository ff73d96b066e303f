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
 * @param confirmation what replaying it showed; null when it was not replayed at all ({@code confirm=off})
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
        String inPlace,
        Confirmation confirmation) {

    /** A violation on state that was not changed in place, as detection finds it, before any replay. */
    public Violation(StateKind kind, String target, List<String> writers, List<String> readers, boolean concurrent,
            boolean restored, String hint) {
        this(kind, target, writers, readers, concurrent, restored, hint, null, null);
    }

    /** A violation as detection finds it, before any replay. */
    public Violation(StateKind kind, String target, List<String> writers, List<String> readers, boolean concurrent,
            boolean restored, String hint, String inPlace) {
        this(kind, target, writers, readers, concurrent, restored, hint, inPlace, null);
    }

    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
    }

    /** This violation with what replaying it showed. */
    public Violation withConfirmation(Confirmation value) {
        return new Violation(kind, target, writers, readers, concurrent, restored, hint, inPlace, value);
    }

    /** Whether replaying it showed the writer changing the reader's outcome. */
    public boolean isConfirmed() {
        return confirmation != null && confirmation.isConfirmed();
    }
}
