package dev.isolane.core.detect;

import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.StateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts accesses from threads that work for no running class; drained into each class's report. */
final class Unattributed {

    private static final Map<StateKey, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private Unattributed() {}

    static void count(StateKey key) {
        COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    static List<ClassState.Unattributed> drain() {
        List<ClassState.Unattributed> drained = new ArrayList<>();
        for (StateKey key : List.copyOf(COUNTS.keySet())) {
            LongAdder adder = COUNTS.remove(key);
            if (adder != null && adder.sum() > 0) {
                drained.add(new ClassState.Unattributed(key, adder.sum(), List.of()));
            }
        }
        return drained;
    }
}
