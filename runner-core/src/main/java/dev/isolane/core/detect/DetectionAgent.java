package dev.isolane.core.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.instrument.Instrumentation;
import org.apiguardian.api.API;

/**
 * The agent features of violation detection, installed by {@code dev.isolane.core.agent.WorkerAgent}:
 * {@code globals} reroutes the JDK calls that read and change JVM globals; {@code statics} also tracks static fields.
 * Both share one class file transformer.
 */
@API(status = INTERNAL, since = "0.1")
public final class DetectionAgent {

    private static volatile StateAccessTransformer installed;

    private DetectionAgent() {}

    /** Feature {@code globals}. */
    public static void installGlobals(Instrumentation instrumentation) {
        install(instrumentation, false);
    }

    /** Feature {@code statics} (globals included). */
    public static void installStatics(Instrumentation instrumentation) {
        install(instrumentation, true);
    }

    private static synchronized void install(Instrumentation instrumentation, boolean statics) {
        if (installed != null) {
            if (!statics || installed.tracksStatics()) {
                return;
            }
            instrumentation.removeTransformer(installed);
        }
        GlobalCalls.hookFor("", "", ""); // fails here, not inside a transformation, if a hook is missing
        installed = new StateAccessTransformer(statics);
        instrumentation.addTransformer(installed);
    }

    static boolean isEnabled() {
        return installed != null;
    }
}
