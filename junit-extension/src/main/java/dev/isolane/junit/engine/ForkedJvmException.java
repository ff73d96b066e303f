package dev.isolane.junit.engine;

/** A forked JVM ended before its class did (a crash, {@code System.exit}, a timeout), or never ran it. */
final class ForkedJvmException extends RuntimeException {
    ForkedJvmException(String message) {
        super(message);
    }
}
