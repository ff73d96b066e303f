package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which isolation violations fail the build: parameter {@code failOnViolation}. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum FailOnViolation {
    /** None: violations are reported only ({@code false}, the default). */
    NEVER("false"),
    /** Any violation found ({@code true}). */
    ANY("true"),
    /** Only violations that replaying them confirmed ({@code confirmed}): the reader's outcome changed. */
    CONFIRMED("confirmed");

    private final String label;

    FailOnViolation(String label) {
        this.label = label;
    }

    public static FailOnViolation parse(String parameter, String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (FailOnViolation choice : values()) {
            if (choice.label.equals(normalized)) {
                return choice;
            }
        }
        throw new InvalidConfigException(parameter, value, "Use one of: false, true, confirmed.");
    }

    public static FailOnViolation of(boolean failOnAny) {
        return failOnAny ? ANY : NEVER;
    }

    public String label() {
        return label;
    }
}
