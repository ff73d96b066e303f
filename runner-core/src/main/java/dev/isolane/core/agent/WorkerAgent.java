package dev.isolane.core.agent;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.detect.DetectionAgent;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The Java agent of worker JVMs, started as {@code -javaagent:<isolane-agent.jar>=<feature>,<feature>}. The jar holds
 * only a manifest; this class comes from the worker's classpath, so it shares a class loader with the worker and with
 * the hooks that instrumented code calls.
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerAgent {

    /** Each feature installs its class file transformers; features are named in the agent's argument. */
    static final Map<String, Consumer<Instrumentation>> FEATURES = Map.of(
            ExitInterception.FEATURE, ExitInterception::install,
            "globals", DetectionAgent::installGlobals,
            "statics", DetectionAgent::installStatics);

    private WorkerAgent() {}

    public static void premain(String arguments, Instrumentation instrumentation) {
        if (arguments == null || arguments.isBlank()) {
            return;
        }
        for (String name : arguments.split(",")) {
            Consumer<Instrumentation> feature = FEATURES.get(name.trim());
            if (feature == null) {
                throw new IllegalArgumentException("unknown Isolane agent feature '" + name + "'; known: "
                        + FEATURES.keySet());
            }
            feature.accept(instrumentation);
        }
    }
}
