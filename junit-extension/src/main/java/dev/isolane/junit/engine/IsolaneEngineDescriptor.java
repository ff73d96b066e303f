package dev.isolane.junit.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The Isolane engine's root: its children are the forked classes; it keeps how to start their JVMs, and the forks
 * once started (by {@link EarlyForkStart}, or by the engine when it executes).
 */
final class IsolaneEngineDescriptor extends EngineDescriptor {

    static final String DISPLAY_NAME = "Isolane (@IsolatedProcess classes, each in a forked JVM)";

    private ForkJvm jvm;
    private StartedForks started;

    IsolaneEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, DISPLAY_NAME);
    }

    ForkJvm jvm() {
        return jvm;
    }

    void jvm(ForkJvm value) {
        jvm = value;
    }

    /** Remember the forks started for this root ahead of its execution. */
    synchronized void started(StartedForks forks) {
        started = forks;
    }

    /** The forks started for this root, handed over once; null when none were started. */
    synchronized StartedForks takeStarted() {
        StartedForks forks = started;
        started = null;
        return forks;
    }

    /** Forks started for one execution, and where their events wait for the engine's listener. */
    record StartedForks(ParallelForks forks, ReplayTarget target) {}
}
