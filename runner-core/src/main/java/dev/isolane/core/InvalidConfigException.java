package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A configuration value Isolane cannot use; the message names the parameter, the value and what is accepted. */
@API(status = EXPERIMENTAL, since = "0.1")
public class InvalidConfigException extends RuntimeException {

    private final String parameter;

    public InvalidConfigException(String parameter, Object value, String accepted) {
        super("Invalid value for parameter '" + parameter + "': '" + value + "'. " + accepted);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
