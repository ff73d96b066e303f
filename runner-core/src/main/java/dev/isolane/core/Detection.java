package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** How much isolation-violation detection the shared JVM does. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Detection {
    OFF,
    /** JVM globals (system properties, default Locale and TimeZone, System streams, ...) before and after each class. */
    GLOBALS,
    /** Globals, plus static fields, through an instrumenting agent. */
    STATICS;

    public static Detection parse(String parameter, String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case "on", "true" -> {
                return STATICS;
            }
            case "false" -> {
                return OFF;
            }
            default -> {
                try {
                    return valueOf(normalized.toUpperCase(Locale.ROOT));
                } catch (RuntimeException e) {
                    throw new InvalidConfigException(parameter, value, "Use one of: off, globals, statics (on = statics).");
                }
            }
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
