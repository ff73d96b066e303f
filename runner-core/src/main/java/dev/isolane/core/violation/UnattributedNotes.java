package dev.isolane.core.violation;

import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.StateKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Says what could not be blamed on any class: accesses from threads that work for no running test class, and
 * globals that changed while several classes ran and none of them was seen changing them (reflection, native code).
 */
final class UnattributedNotes {

    /** More lines than this become "and N more". */
    static final int MAX_LINES = 10;
    /** Every note starts so, to read on its own in the console and in the report's {@code unattributed}. */
    static final String PREFIX = "Not attributed: ";

    private UnattributedNotes() {}

    static List<String> of(List<ClassState.Unattributed> unattributed) {
        Map<StateKey, Long> accesses = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (ClassState.Unattributed entry : unattributed) {
            if (entry.accesses() > 0) {
                accesses.merge(entry.key(), entry.accesses(), Long::sum);
            } else {
                notes.add(PREFIX + entry.key() + " changed while "
                        + (entry.candidates().isEmpty() ? "no test class was running"
                        : String.join(", ", entry.candidates()) + " ran, and none of them was seen changing it")
                        + "; Isolane cannot tell which class did it.");
            }
        }
        if (notes.size() > MAX_LINES) {
            int more = notes.size() - MAX_LINES;
            notes.subList(MAX_LINES, notes.size()).clear();
            notes.add(PREFIX + more + " more global changes.");
        }
        List<Map.Entry<StateKey, Long>> sorted = new ArrayList<>(accesses.entrySet());
        sorted.sort(Map.Entry.<StateKey, Long>comparingByValue(Comparator.reverseOrder()));
        long total = sorted.stream().mapToLong(Map.Entry::getValue).sum();
        if (total > 0) {
            StringBuilder line = new StringBuilder(PREFIX + total + " accesses to " + sorted.size()
                    + " piece" + (sorted.size() == 1 ? "" : "s") + " of state from threads that worked for no running"
                    + " test class (threads that outlived their class, or that no test started): ");
            for (int i = 0; i < Math.min(MAX_LINES, sorted.size()); i++) {
                line.append(i == 0 ? "" : ", ").append(sorted.get(i).getKey()).append(" (")
                        .append(sorted.get(i).getValue()).append(')');
            }
            if (sorted.size() > MAX_LINES) {
                line.append(" and ").append(sorted.size() - MAX_LINES).append(" more");
            }
            notes.add(line.toString());
        }
        return notes;
    }
}
