package dev.isolane.junit.detect;

import dev.isolane.core.Detection;
import dev.isolane.core.InvalidConfigException;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * What the configuration parameters (launcher request, system properties, {@code junit-platform.properties}) say
 * about violation detection in a plain launch.
 *
 * @param insideWorker true when an Isolane worker runs this launch: the Maven plugin watches there with its own
 *                     detector, and reports in its own words
 * @param enabled      false when the user switched it off with {@code isolane.detect=off}
 * @param warning      what to tell the user about a value that could not be read
 */
record DetectSettings(boolean insideWorker, boolean enabled, Optional<String> warning) {

    /** The plugin's parameter name too, so one switch means the same under plain Surefire and the plugin. */
    static final String DETECT = "isolane.detect";
    /** Set by the Isolane worker in every launch it makes (see runner-core's ClassRunner). */
    static final String WORKER_LANE = "isolane.worker.lane";

    /** Whether this launch is watched. */
    boolean watches() {
        return enabled && !insideWorker;
    }

    static DetectSettings from(ConfigurationParameters parameters) {
        boolean insideWorker = parameters.get(WORKER_LANE).isPresent();
        Optional<String> value = parameters.get(DETECT);
        try {
            // globals and statics both mean on: without the plugin's agent, only the globals can be watched.
            boolean enabled = value.map(v -> Detection.parse(DETECT, v) != Detection.OFF).orElse(true);
            return new DetectSettings(insideWorker, enabled, Optional.empty());
        } catch (InvalidConfigException e) {
            // A typo in a report switch should not fail the user's run: say so, and keep watching.
            return new DetectSettings(insideWorker, true, insideWorker ? Optional.empty() : Optional.of(
                    "Isolane: " + e.getMessage() + " Isolation-violation detection stays on until it is fixed."));
        }
    }
}
