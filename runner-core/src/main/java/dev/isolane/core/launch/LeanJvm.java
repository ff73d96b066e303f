package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * JVM options for short-lived isolated workers, which spend most of their life starting: the JIT's first tier only,
 * compiled later than by default (a third of a trivial fork's CPU went to compiling start-up code it ran a few times;
 * the benchmark's flags mode measured 16% less CPU per fork at three times the thresholds, and less at ten) and no
 * performance-counter file, with the serial collector (no GC threads to start) unless the user's options choose one.
 * They go before the user's own options, which may override any of them. Both the coordinator and the
 * junit-extension start isolated JVMs with them.
 */
@API(status = INTERNAL, since = "0.1")
public final class LeanJvm {

    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
            "-XX:-UsePerfData");
    public static final String SERIAL_COLLECTOR = "-XX:+UseSerialGC";

    private static final Pattern CHOOSES_COLLECTOR = Pattern.compile("-XX:\\+Use\\w*GC\\b");

    private LeanJvm() {}

    /**
     * {@link #OPTIONS} and the serial collector, unless the user's options choose a collector: the JVM refuses to
     * start with two ({@code Multiple garbage collectors selected}), and the user's choice wins.
     */
    public static List<String> options(String userOptions) {
        if (CHOOSES_COLLECTOR.matcher(userOptions).find()) {
            return OPTIONS;
        }
        List<String> options = new ArrayList<>(OPTIONS);
        options.add(SERIAL_COLLECTOR);
        return List.copyOf(options);
    }
}
