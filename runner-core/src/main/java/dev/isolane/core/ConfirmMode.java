package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Whether violations found in the shared JVM are replayed in fresh JVMs (the reader alone, then the writer followed by
 * the reader) to confirm that the writer really changes the reader's outcome: parameter {@code confirm}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ConfirmMode {
    /** Replay after a run that found violations, the most suspicious first, within a fifth of the run's wall time. */
    AUTO,
    /** Replay every violation that has a reader, however long it takes. */
    ALL,
    /** Never replay. */
    OFF;

    public static ConfirmMode parse(String parameter, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidConfigException(parameter, value, "Use one of: auto, all, off.");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
