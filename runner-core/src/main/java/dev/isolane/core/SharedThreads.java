package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * How many test classes run at once in the shared JVM: a fixed count, or {@code auto}: one per core to start with,
 * more while the shared JVM's measured CPU stays below the cores and classes wait (classes that sleep, wait on IO or
 * on containers), up to {@code cap}.
 *
 * @param start how many run at once from the start
 * @param cap   how many may run at once at most; equal to {@code start} for a fixed count
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SharedThreads(int start, int cap) {

    /** With {@code auto}, the cap is this many threads per core (but at least {@link #MIN_AUTO_CAP}). */
    public static final int AUTO_CAP_PER_CORE = 4;
    public static final int MIN_AUTO_CAP = 8;

    public SharedThreads {
        if (start < 1) {
            throw new InvalidConfigException("threads", start, "Use auto, a whole number of at least 1, or 1C.");
        }
        if (cap < start) {
            throw new IllegalArgumentException("cap " + cap + " below start " + start);
        }
    }

    public static SharedThreads fixed(int count) {
        return new SharedThreads(count, count);
    }

    public static SharedThreads auto(int cores) {
        int start = Math.max(1, cores);
        return new SharedThreads(start, Math.max(MIN_AUTO_CAP, AUTO_CAP_PER_CORE * start));
    }

    /** {@code auto}, or what {@link Concurrency#parse} accepts ({@code 4}, {@code 2C}) for a fixed count. */
    public static SharedThreads parse(String parameter, String value, int cores) {
        if (value != null && value.trim().toLowerCase(Locale.ROOT).equals("auto")) {
            return auto(cores);
        }
        return fixed(Concurrency.parse(parameter, value, cores, "auto (the default), "));
    }

    public boolean isAuto() {
        return cap > start;
    }

    /** As the parameter would be written: {@code auto} or the count. */
    public String label() {
        return isAuto() ? "auto" : String.valueOf(start);
    }
}
