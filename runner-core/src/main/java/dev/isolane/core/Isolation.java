package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** Which test classes get a JVM of their own. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Isolation {
    /** Classes annotated {@code @IsolatedProcess}. */
    ANNOTATED,
    /** Every class: the safest and slowest setting, like Surefire's {@code reuseForks=false}. */
    ALL,
    /** No class: everything shares one JVM, annotations notwithstanding. */
    NONE,
    /** Annotated classes, plus those the history file recorded as leaving shared state changed. */
    AUTO;

    public static Isolation parse(String parameter, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidConfigException(parameter, value, "Use one of: annotated, all, none, auto.");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
