package dev.isolane.junit.engine;

import dev.isolane.core.Concurrency;
import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.Seconds;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * What the configuration parameters (launcher request, system properties, {@code junit-platform.properties}) say
 * about forking.
 *
 * @param insideWorker true when an Isolane worker runs this launch: it already chose the JVM, so nothing is forked
 * @param enabled      false when the user switched forking off, to debug an isolated class in the IDE's JVM
 * @param timeout      how long one forked class may run before it is stopped with a thread dump; zero for no limit
 * @param jvmArgs      extra options for the forked JVMs (a debugger agent, say)
 * @param maxForks     how many forked JVMs run classes at once, as the Maven plugin's {@code forks}
 */
record ForkSettings(boolean insideWorker, boolean enabled, Duration timeout, List<String> jvmArgs, int maxForks) {

    /** Set by the Isolane worker in every launch it makes (see runner-core's ClassRunner). */
    static final String WORKER_LANE = "isolane.worker.lane";
    static final String ENABLED = "isolane.fork.enabled";
    static final String TIMEOUT = "isolane.fork.timeout";
    static final String JVM_ARGS = "isolane.fork.jvmArgs";
    /** The Maven plugin's user property for the same thing, so one setting serves both. */
    static final String FORKS = "isolane.forks";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    ForkSettings {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** Whether {@code @IsolatedProcess} classes get a forked JVM in this launch. */
    boolean forks() {
        return enabled && !insideWorker;
    }

    static ForkSettings from(ConfigurationParameters parameters) {
        boolean insideWorker = parameters.get(WORKER_LANE).isPresent();
        boolean enabled = parameters.get(ENABLED).map(value -> parseBoolean(ENABLED, value)).orElse(true);
        Duration timeout = parameters.get(TIMEOUT).map(ForkSettings::parseTimeout).orElse(DEFAULT_TIMEOUT);
        List<String> jvmArgs = parameters.get(JVM_ARGS).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Arrays.asList(s.split("\\s+"))).orElse(List.of());
        int cores = Runtime.getRuntime().availableProcessors();
        int maxForks = parameters.get(FORKS).map(value -> parseForks(value, cores)).orElse(cores);
        return new ForkSettings(insideWorker, enabled, timeout, jvmArgs, maxForks);
    }

    private static boolean parseBoolean(String key, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new JUnitException("Invalid value for configuration parameter '" + key + "': '" + value
                    + "'. Use true or false.");
        };
    }

    private static int parseForks(String value, int cores) {
        try {
            return Concurrency.parse(FORKS, value, cores);
        } catch (InvalidConfigException e) {
            throw new JUnitException(e.getMessage(), e);
        }
    }

    private static Duration parseTimeout(String value) {
        try {
            return Seconds.parse(TIMEOUT, value);
        } catch (InvalidConfigException e) {
            throw new JUnitException(e.getMessage(), e);
        }
    }
}
