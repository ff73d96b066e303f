package dev.isolane.junit.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/** The Isolane engine's root: its children are the forked classes; it keeps how to start their JVMs. */
final class IsolaneEngineDescriptor extends EngineDescriptor {

    static final String DISPLAY_NAME = "Isolane (@IsolatedProcess classes, each in a forked JVM)";

    private ForkJvm jvm;

    IsolaneEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, DISPLAY_NAME);
    }

    ForkJvm jvm() {
        return jvm;
    }

    void jvm(ForkJvm value) {
        jvm = value;
    }
}
