package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * What one test class did to one piece of state in the shared JVM, as its worker observed it.
 *
 * @param key                    the state
 * @param read                   whether the class read it
 * @param wrote                  whether the class changed it (outside class initialization)
 * @param restored               for a write: whether the value at the class's end was the value before its first write
 * @param lazilyInitialized      for a static-field write: whether it was lazy initialization, a write of a null field
 *                               in a method that checked it for null first ({@code if (cache == null) cache = ...}),
 *                               or a change in place that only added entries to a map or collection through a
 *                               fill-on-miss site ({@code computeIfAbsent}, or get then put)
 * @param inPlace                for a static field's write made in place (the contents of the object it holds changed
 *                               between the class's first read and its end): how, as in
 *                               {@code contents changed in place (3 -> 4 entries)}; null for any other access
 */
@API(status = INTERNAL, since = "0.1")
public record StateAccess(StateKey key, boolean read, boolean wrote, boolean restored, boolean lazilyInitialized,
        String inPlace) {

    /** An access that changed nothing in place. */
    public StateAccess(StateKey key, boolean read, boolean wrote, boolean restored, boolean lazilyInitialized) {
        this(key, read, wrote, restored, lazilyInitialized, null);
    }
}
