package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import org.apiguardian.api.API;

/** Parses a time limit written as whole seconds, {@code 0} meaning none: the plugin's and the IDE path's timeouts. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Seconds {

    private Seconds() {}

    /** The duration {@code value} says, for the parameter named {@code parameter}; a bad value names both. */
    public static Duration parse(String parameter, String value) {
        try {
            long seconds = Long.parseLong(value == null ? "" : value.trim());
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigException(parameter, value, "Use a whole number of seconds, at least 0 (0 means none).");
    }
}
