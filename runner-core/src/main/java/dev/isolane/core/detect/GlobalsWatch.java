package dev.isolane.core.detect;

import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.StateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Snapshots the JVM globals at every class start and end in the shared JVM. A change between two snapshots happened
 * while a known set of classes ran: it belongs to the one of them seen changing it through {@link GlobalsHook}, or to
 * the only class running; otherwise nobody can be blamed and it is reported unattributed. Each class's writes are
 * then judged restored or not by comparing its start and end snapshots.
 */
final class GlobalsWatch {

    private final Map<String, ClassAccesses> running = new LinkedHashMap<>();
    private final Map<String, Map<StateKey, String>> startSnapshots = new HashMap<>();
    private final List<ClassState.Unattributed> unattributed = new ArrayList<>();
    private Map<StateKey, String> last;

    /** Restored-or-not of each global a finished class changed. */
    record Finish(Map<StateKey, Boolean> restoredByKey, List<ClassState.Unattributed> unattributed) {}

    synchronized void started(ClassAccesses accesses) {
        Map<StateKey, String> snapshot = JvmGlobals.capture();
        attributeChangesSinceLast(snapshot);
        running.put(accesses.className(), accesses);
        startSnapshots.put(accesses.className(), snapshot);
    }

    synchronized Finish finished(ClassAccesses accesses) {
        Map<StateKey, String> snapshot = JvmGlobals.capture();
        attributeChangesSinceLast(snapshot);
        running.remove(accesses.className());
        Map<StateKey, String> start = startSnapshots.remove(accesses.className());
        Map<StateKey, Boolean> restored = new HashMap<>();
        accesses.globals().forEach((key, wrote) -> {
            if (wrote) {
                restored.put(key, start != null && Objects.equals(start.get(key), snapshot.get(key)));
            }
        });
        List<ClassState.Unattributed> drained = List.copyOf(unattributed);
        unattributed.clear();
        return new Finish(restored, drained);
    }

    private void attributeChangesSinceLast(Map<StateKey, String> snapshot) {
        if (last != null) {
            for (StateKey key : changed(last, snapshot)) {
                attribute(key);
            }
        }
        last = snapshot;
    }

    private void attribute(StateKey key) {
        for (ClassAccesses candidate : running.values()) {
            if (Boolean.TRUE.equals(candidate.globals().get(key))) {
                return; // seen changing it
            }
        }
        if (running.size() == 1) {
            running.values().iterator().next().recordGlobal(key, true);
        } else {
            unattributed.add(new ClassState.Unattributed(key, 0, List.copyOf(running.keySet())));
        }
    }

    static Set<StateKey> changed(Map<StateKey, String> before, Map<StateKey, String> after) {
        Set<StateKey> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(key -> Objects.equals(before.get(key), after.get(key)));
        return keys;
    }
}
