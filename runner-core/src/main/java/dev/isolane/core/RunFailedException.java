package dev.isolane.core;

/** The run could not take place at all (no worker started, discovery failed); no test result exists. */
public class RunFailedException extends RuntimeException {
    public RunFailedException(String message) {
        super(message);
    }
}
