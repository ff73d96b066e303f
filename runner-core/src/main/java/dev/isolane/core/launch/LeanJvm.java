package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * JVM options for short-lived isolated workers, which spend most of their life starting: the JIT's first tier only,
 * compiled later than by default (a third of a trivial fork's CPU went to compiling start-up code it ran a few times;
 * the benchmark's flags mode measured 16% less CPU per fork at three times the thresholds, and less at ten), the
 * serial collector (no GC threads to start) and no performance-counter file. They go before the user's own options,
 * which may override any of them. Both the coordinator and the junit-extension start isolated JVMs with them.
 */
@API(status = INTERNAL, since = "0.1")
public final class LeanJvm {

    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private static final Pattern CHOOSES_COLLECTOR = Pattern.compile("-XX:\\+Use\\w*GC\\b");

    private LeanJvm() {}

    /**
     * {@link #OPTIONS}, less the collector when the user's options choose one: the JVM refuses to start with two
     * ({@code Multiple garbage collectors selected}), and the user's choice wins.
     */
    public static List<String> options(String userOptions) {
        if (!CHOOSES_COLLECTOR.matcher(userOptions).find()) {
            return OPTIONS;
        }
        return OPTIONS.stream().filter(option -> !CHOOSES_COLLECTOR.matcher(option).find()).toList();
    }
}
