package dev.isolane.core.worker;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The launcher an isolated JVM makes while it waits for its class: JUnit's own, without the Flight Recorder listeners
 * JUnit 6 registers whenever {@code jdk.jfr} is present, unless this JVM started a recording. Their events are of use
 * only to a recording; registering their event classes (which neither the archive nor the AOT cache may hold) and
 * reading those classes' annotations cost a fresh JVM about a fifth of its CPU (0.39 s against 0.30 s for the
 * warm-up's worker on Java 25 with the AOT cache). The shared JVM pays that once and keeps them.
 *
 * <p>JUnit leaves the listeners out when the GraalVM native-image property is set ({@code JfrUtils}); it is set for
 * the launcher's creation only, before this JVM has loaded any test class, and a value the JVM was given is left as
 * it is. A JUnit without that check simply registers them.
 */
final class IsolatedLauncher {

    private static final String NATIVE_IMAGE_PROPERTY = "org.graalvm.nativeimage.imagecode";

    private IsolatedLauncher() {}

    static Launcher create() {
        if (System.getProperty(NATIVE_IMAGE_PROPERTY) != null || recordingStarted()) {
            return LauncherFactory.create();
        }
        System.setProperty(NATIVE_IMAGE_PROPERTY, "isolane-isolated-jvm");
        try {
            return LauncherFactory.create();
        } finally {
            System.clearProperty(NATIVE_IMAGE_PROPERTY);
        }
    }

    /** Whether the Flight Recorder runs since the JVM started ({@code -XX:StartFlightRecording}, say). */
    static boolean recordingStarted() {
        try {
            return jdk.jfr.FlightRecorder.isInitialized();
        } catch (LinkageError noJfr) {
            return false; // a JDK without jdk.jfr: JUnit registers nothing either
        }
    }
}
