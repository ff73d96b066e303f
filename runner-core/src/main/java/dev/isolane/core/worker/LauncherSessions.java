package dev.isolane.core.worker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One JUnit launcher session per worker thread, opened for its first class and kept until the worker exits, as
 * Surefire's fork keeps one session for all its classes. {@code LauncherFactory.create()} returns a launcher that opens
 * a session for every execution, and each session loads every engine, listener, filter and interceptor through the
 * {@code ServiceLoader} again: six scans of the class path for each class, most of a trivial class's time in the
 * shared JVM. A session's launcher keeps them. Launchers are not documented as safe for concurrent executions, so
 * each thread has a session of its own.
 */
final class LauncherSessions {

    private static final List<AutoCloseable> OPEN = new CopyOnWriteArrayList<>();

    private LauncherSessions() {}

    /** A launcher of a new session; on a JUnit Platform before 1.8, which has no sessions, a plain launcher. */
    static Launcher open() {
        try {
            return Session.open();
        } catch (LinkageError olderPlatform) {
            return LauncherFactory.create();
        }
    }

    /**
     * Close every session, so that the project's session listeners and what its tests stored in a session end as
     * they do in Surefire's fork: once, when the JVM is done. Best effort: the JVM is exiting.
     */
    static void closeAll() {
        for (AutoCloseable session : OPEN) {
            try {
                session.close();
            } catch (Exception | LinkageError ignored) {
                // a listener's failure on the way out changes no test's result
            }
        }
        OPEN.clear();
    }

    /** Apart, so that a platform without sessions fails to link here, where {@link #open} catches it. */
    private static final class Session {
        static Launcher open() {
            LauncherSession session = LauncherFactory.openSession();
            OPEN.add(session);
            return session.getLauncher();
        }
    }
}
