package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The state one test class touched in the shared JVM, sent by the worker when the class ends; the coordinator turns
 * these into {@link Violation}s.
 *
 * @param className    the test class
 * @param accesses     each piece of state it read or wrote, once
 * @param unattributed state touched, since the previous report, by threads that worked for no running class
 */
@API(status = INTERNAL, since = "0.1")
public record ClassState(String className, List<StateAccess> accesses, List<Unattributed> unattributed) {

    public ClassState {
        Objects.requireNonNull(className, "className");
        accesses = List.copyOf(accesses);
        unattributed = List.copyOf(unattributed);
    }

    /**
     * State touched where no test class could be blamed: an access from a thread that works for no running class
     * (it outlived its class, or no class started it), or a global that changed while several classes ran and none
     * of them was seen changing it.
     *
     * @param key       the state
     * @param accesses  how many accesses, or 0 for a change seen only by comparing snapshots
     * @param candidates the classes that were running when a global changed (empty for accesses)
     */
    public record Unattributed(StateKey key, long accesses, List<String> candidates) {
        public Unattributed {
            Objects.requireNonNull(key, "key");
            candidates = List.copyOf(candidates);
        }
    }
}
