package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The run could not take place at all (no worker started, discovery failed); no test result exists. */
@API(status = EXPERIMENTAL, since = "0.1")
public class RunFailedException extends RuntimeException {
    public RunFailedException(String message) {
        super(message);
    }
}
