package dev.isolane.core.agent;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * What rewritten exit calls call instead: each method throws {@link ExitInterceptedError} and tells the worker first.
 * Public because instrumented classes in any package call it; not meant for anything else.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExitTrap {

    private static volatile Consumer<ExitInterceptedError> listener = error -> { };

    private ExitTrap() {}

    /** Have the worker told of every stopped exit, on the thread that attempted it, before the error is thrown. */
    public static void listen(Consumer<ExitInterceptedError> onExit) {
        listener = Objects.requireNonNull(onExit);
    }

    /** Replaces {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw stop("System.exit", status);
    }

    /** Replaces {@code runtime.exit(status)}; the receiver stays on the stack, so it is a parameter. */
    public static void runtimeExit(Runtime runtime, int status) {
        Objects.requireNonNull(runtime);
        throw stop("Runtime.exit", status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        Objects.requireNonNull(runtime);
        throw stop("Runtime.halt", status);
    }

    private static ExitInterceptedError stop(String call, int status) {
        ExitInterceptedError error = new ExitInterceptedError(call, status);
        StackTraceElement[] frames = error.getStackTrace();
        int own = 0;
        while (own < frames.length && frames[own].getClassName().equals(ExitTrap.class.getName())) {
            own++;
        }
        // Start the trace at the caller's line, where the exit was written.
        error.setStackTrace(Arrays.copyOfRange(frames, own, frames.length));
        try {
            listener.accept(error);
        } catch (RuntimeException | LinkageError ignored) {
            // the error is thrown all the same; the class still fails
        }
        return error;
    }
}
