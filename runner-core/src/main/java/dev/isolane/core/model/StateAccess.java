package dev.isolane.core.model;

/**
 * What one test class did to one piece of state in the shared JVM, as its worker observed it.
 *
 * @param key                    the state
 * @param read                   whether the class read it
 * @param wrote                  whether the class changed it (outside class initialization)
 * @param restored               for a write: whether the value at the class's end was the value before its first write
 * @param initializedFromDefault for a static-field write: whether the field held its default (null, 0, false) before
 *                               and the class left a value in it, as a lazily initialized cache does
 */
public record StateAccess(StateKey key, boolean read, boolean wrote, boolean restored, boolean initializedFromDefault) {}
