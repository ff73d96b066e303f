package dev.isolane.core;

/** A configuration value Isolane cannot use; the message names the parameter, the value and what is accepted. */
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
