package dev.isolane.junit.engine;

import dev.isolane.core.protocol.FailureInfo;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Rebuilds a throwable described by a fork, with its type, message, stack trace, causes and suppressed throwables.
 * Types from the JDK, JUnit and opentest4j are rebuilt as themselves (so IDEs offer the diff of an {@code
 * AssertionFailedError}, and a {@code TestAbortedException} stays one); other types are not instantiated here, since
 * their code belongs to the forked class, and come back as a stand-in that shows the original type.
 */
final class RemoteFailures {

    private static final List<String> TRUSTED_PACKAGES = List.of("java.", "javax.", "org.opentest4j.", "org.junit.",
            "junit.framework.");

    private RemoteFailures() {}

    static Throwable rebuild(FailureInfo info) {
        Throwable cause = info.cause() == null ? null : rebuild(info.cause());
        Throwable rebuilt = instantiate(info, cause);
        rebuilt.setStackTrace(info.frames().stream().map(FailureInfo.Frame::toElement)
                .toArray(StackTraceElement[]::new));
        if (cause != null && rebuilt.getCause() == null) {
            try {
                rebuilt.initCause(cause);
            } catch (IllegalStateException | IllegalArgumentException alreadySet) {
                // a constructor set the cause to null for good; the stack trace still shows the failure
            }
        }
        info.suppressed().forEach(each -> rebuilt.addSuppressed(rebuild(each)));
        return rebuilt;
    }

    private static Throwable instantiate(FailureInfo info, Throwable cause) {
        if (info.type().equals(AssertionFailedError.class.getName())
                && (info.expected() != null || info.actual() != null)) {
            return new AssertionFailedError(info.message(), info.expected(), info.actual());
        }
        Class<?> type = load(info.type());
        if (type != null && TRUSTED_PACKAGES.stream().anyMatch(info.type()::startsWith)) {
            for (Object[] arguments : List.of(new Object[] {info.message(), cause}, new Object[] {cause},
                    new Object[] {info.message()}, new Object[0])) {
                Throwable same = construct(type, arguments);
                // Only a twin counts: a constructor that formats the message differently would change the failure.
                if (same != null && Objects.equals(same.toString(), info.text())) {
                    return same;
                }
            }
        }
        boolean assertion = type != null && AssertionError.class.isAssignableFrom(type);
        return assertion ? new RemoteAssertionError(info) : new RemoteException(info);
    }

    /** The class, loaded but not initialized, or null when this JVM does not have it. */
    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RealEngines.loader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** An instance built by a public constructor that takes exactly these arguments, or null. */
    private static Throwable construct(Class<?> type, Object[] arguments) {
        if (!Throwable.class.isAssignableFrom(type)) {
            return null;
        }
        for (Constructor<?> constructor : type.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length != arguments.length || !accepts(parameters, arguments)) {
                continue;
            }
            try {
                return (Throwable) constructor.newInstance(arguments);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // try the next one
            }
        }
        return null;
    }

    private static boolean accepts(Class<?>[] parameters, Object[] arguments) {
        for (int i = 0; i < parameters.length; i++) {
            boolean fits = arguments[i] == null ? !parameters[i].isPrimitive() : parameters[i].isInstance(arguments[i]);
            if (!fits || (parameters[i] != String.class && !Throwable.class.isAssignableFrom(parameters[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Shows a failure whose type is an {@link AssertionError} but not one to rebuild here. */
    static final class RemoteAssertionError extends AssertionError {
        private final String message;
        private final String text;

        RemoteAssertionError(FailureInfo info) {
            this.message = info.message();
            this.text = info.text();
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the remote stack trace replaces it
        }
    }

    /** Shows any other failure whose type is not one to rebuild here. */
    static final class RemoteException extends RuntimeException {
        private final String text;

        RemoteException(FailureInfo info) {
            super(info.message());
            this.text = info.text();
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
