package dev.isolane.core.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Which classes run where, in the order they start.
 *
 * @param shared       classes for the shared JVM, first to start first
 * @param isolated     classes that get a JVM each, first to start first
 * @param autoIsolated classes isolated only because the history file records them changing shared state
 *                     ({@code isolation=auto}), in discovery order
 */
@API(status = INTERNAL, since = "0.1")
public record RunPlan(List<String> shared, List<String> isolated, List<String> autoIsolated) {

    public RunPlan {
        shared = List.copyOf(shared);
        isolated = List.copyOf(isolated);
        autoIsolated = List.copyOf(autoIsolated);
    }

    public int size() {
        return shared.size() + isolated.size();
    }
}
