package dev.isolane.core.worker;

import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.EngineDiscoveryResult;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Lets one class at a time through an engine that keeps its work in JVM-wide state, when the shared JVM runs several
 * classes at once. TestNG does: its discovery and its run each create a {@code TestNG} that stores itself in the
 * static {@code TestNG.m_instance}, and a class run while another class is discovered or run reports the other's
 * results, so failed tests pass (Isolane's violation report names that field). The lock is held, on the thread that
 * runs the class, while the engine discovers and again while it executes; other engines' classes go on beside it.
 */
final class SerialEngines implements TestExecutionListener, LauncherDiscoveryListener {

    /** Engine ids whose executions must not overlap in one JVM. */
    static final Set<String> ENGINES = Set.of("testng");

    private static final ReentrantLock LOCK = new ReentrantLock();

    @Override
    public void engineDiscoveryStarted(UniqueId engineId) {
        if (ENGINES.contains(engineId.getLastSegment().getValue())) {
            LOCK.lock();
        }
    }

    @Override
    public void engineDiscoveryFinished(UniqueId engineId, EngineDiscoveryResult result) {
        if (ENGINES.contains(engineId.getLastSegment().getValue())) {
            release();
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (isSerialEngine(id)) {
            LOCK.lock();
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (isSerialEngine(id)) {
            release();
        }
    }

    /** Give back a lock the calling thread still holds: its launch ended without finishing the engine's work. */
    static void release() {
        while (LOCK.isHeldByCurrentThread()) {
            LOCK.unlock();
        }
    }

    /** The engine's own node, at the root or inside a {@code @Suite}. */
    private static boolean isSerialEngine(TestIdentifier id) {
        UniqueId.Segment last = id.getUniqueIdObject().getLastSegment();
        return last.getType().equals("engine") && ENGINES.contains(last.getValue());
    }
}
