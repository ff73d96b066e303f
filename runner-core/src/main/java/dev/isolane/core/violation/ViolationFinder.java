package dev.isolane.core.violation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateAccess;
import dev.isolane.core.model.StateKey;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Turns what each class touched in the shared JVM into violations. For each piece of state and each class W that
 * changed it:
 * <ul>
 *   <li>a class R that read or changed it while W ran, or after W started when W left it changed, saw W's change;
 *   <li>W left it changed: a violation even with no reader, for a global, or for a static field W does not own
 *       (a test class's own static fields are its business until another class reads them);
 *   <li>a write W restored, by a class that overlapped no reader, is no violation;
 *   <li>a static field W only lazily initialized ({@code if (cache == null) cache = ...}), or whose map W only added
 *       entries to through a fill-on-miss site ({@code computeIfAbsent}, get then put), is no violation, since
 *       every class would have built the same value, unless W also changed a JVM global, which the value may carry.
 * </ul>
 * A static field's write may be a change in place (the object it holds changed between W's first read and its end);
 * the violation then says how, from the first such writer.
 * Only shared-lane classes count: an isolated class had its JVM to itself.
 */
@API(status = INTERNAL, since = "0.1")
public final class ViolationFinder {

    private ViolationFinder() {}

    /**
     * What the finder concluded.
     *
     * @param violations one per piece of state, ordered by kind and target
     * @param notes      lines on state that could not be attributed to any class, for the report's
     *                   {@code unattributed}
     */
    public record Findings(List<Violation> violations, List<String> notes) {
        public Findings {
            violations = List.copyOf(violations);
            notes = List.copyOf(notes);
        }
    }

    /**
     * When one test class ran in the shared JVM.
     *
     * @param className the test class
     * @param start when it started, on any clock that orders the starts and ends of one run (epoch milliseconds in
     *              the Maven plugin's reports)
     * @param end   when it ended, on the same clock
     */
    public record Span(String className, long start, long end) {
        public Span {
            Objects.requireNonNull(className, "className");
        }
    }

    public static Findings find(List<ClassResult> classes, List<ClassState> states) {
        List<Span> shared = new ArrayList<>();
        for (ClassResult result : classes) {
            if (result.lane() == Lane.SHARED) {
                shared.add(new Span(result.className(), result.startMillis(), result.endMillis()));
            }
        }
        return findAmong(shared, states);
    }

    /**
     * The same rules for classes that all ran in one JVM, such as a plain JUnit launch's; states of classes not
     * among them are ignored, except for what could not be attributed.
     */
    public static Findings findAmong(List<Span> classes, List<ClassState> states) {
        Map<String, Span> shared = new LinkedHashMap<>();
        for (Span span : classes) {
            shared.put(span.className(), span);
        }
        Map<StateKey, Map<String, StateAccess>> byKey = new TreeMap<>();
        Set<String> globalWriters = new HashSet<>();
        List<ClassState.Unattributed> unattributed = new ArrayList<>();
        for (ClassState state : states) {
            unattributed.addAll(state.unattributed());
            if (!shared.containsKey(state.className())) {
                continue;
            }
            for (StateAccess access : state.accesses()) {
                byKey.computeIfAbsent(access.key(), k -> new TreeMap<>()).put(state.className(), access);
                if (access.wrote() && access.key().kind().isGlobal()) {
                    globalWriters.add(state.className());
                }
            }
        }
        List<Violation> violations = new ArrayList<>();
        byKey.forEach((key, accesses) -> judge(key, accesses, shared, globalWriters, violations));
        return new Findings(violations, UnattributedNotes.of(unattributed));
    }

    private static void judge(StateKey key, Map<String, StateAccess> accesses, Map<String, Span> times,
            Set<String> globalWriters, List<Violation> out) {
        List<StateAccess> writes = accesses.values().stream().filter(StateAccess::wrote).toList();
        if (writes.isEmpty()) {
            return;
        }
        boolean lazyInitialization = key.kind() == StateKind.STATIC_FIELD
                && writes.stream().allMatch(StateAccess::lazilyInitialized);
        Set<String> writers = new TreeSet<>();
        Set<String> readers = new TreeSet<>();
        boolean concurrent = false;
        boolean restored = true;
        String inPlace = null;
        boolean onlyLazyFills = true;
        for (Map.Entry<String, StateAccess> entry : accesses.entrySet()) {
            String writer = entry.getKey();
            StateAccess write = entry.getValue();
            // A cache filled on a miss is judged per writer: the class that cleared it is not excused by the fillers.
            boolean lazyFill = write.inPlace() != null && write.lazilyInitialized();
            if (!write.wrote() || ((lazyInitialization || lazyFill) && !globalWriters.contains(writer))) {
                continue;
            }
            // A lazily initialized value stays in place for good, whatever the field's "restored" says.
            boolean leftChanged = !write.restored() || lazyInitialization || lazyFill;
            Span w = times.get(writer);
            Set<String> saw = new TreeSet<>();
            boolean overlapped = false;
            for (String other : accesses.keySet()) {
                Span r = times.get(other);
                if (other.equals(writer) || r == null) {
                    continue;
                }
                boolean together = overlap(w, r);
                if (together || (leftChanged && r.end() > w.start())) {
                    saw.add(other);
                    overlapped |= together;
                }
            }
            boolean counts = !saw.isEmpty() || (leftChanged && !lazyInitialization && !lazyFill
                    && (key.kind().isGlobal() || !ownedBy(key, writer)));
            if (counts) {
                writers.add(writer);
                readers.addAll(saw);
                concurrent |= overlapped;
                restored &= !leftChanged;
                inPlace = inPlace != null ? inPlace : write.inPlace();
                onlyLazyFills &= lazyFill;
            }
        }
        if (writers.isEmpty()) {
            return;
        }
        out.add(new Violation(key.kind(), key.target(), List.copyOf(writers), List.copyOf(readers),
                concurrent, restored, Hints.hint(key, writers, readers, concurrent, restored,
                lazyInitialization || (inPlace != null && onlyLazyFills), inPlace), inPlace));
    }

    static boolean overlap(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** A test class owns the static fields it (or a class nested in it) declares. */
    static boolean ownedBy(StateKey key, String testClass) {
        String owner = key.target().substring(0, Math.max(0, key.target().lastIndexOf('.')));
        return owner.equals(testClass) || owner.startsWith(testClass + "$");
    }
}
