package dev.isolane.core.agent;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Thrown where test or application code called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}:
 * the worker's agent rewrote the call, so the class fails and the JVM, with every other class running in it, carries
 * on. It is an {@link Error} so that a {@code catch (Exception e)} in the code under test does not swallow it.
 */
@API(status = INTERNAL, since = "0.1")
public final class ExitInterceptedError extends Error {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int status;

    ExitInterceptedError(String call, int status) {
        super(call + "(" + status + ") was called; Isolane stopped it so that the JVM, and every test class running"
                + " in it, carries on. Code under test should not end the JVM: throw, or return a status instead.");
        this.call = call;
        this.status = status;
    }

    /** What was called: {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}. */
    public String call() {
        return call;
    }

    /** The exit status the caller asked for. */
    public int status() {
        return status;
    }
}
