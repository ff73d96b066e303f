package dev.isolane.junit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Where the forks' replays go: the launcher's listener, called by one replay at a time, since forks replay from
 * threads of their own and neither the launcher's listeners nor an IDE's are promised to be safe for concurrent calls.
 * Each class's own events keep their order, as one thread replays them. Forks started before the engine executes
 * ({@link EarlyForkStart}) have no listener yet: their events wait here, in order, until {@link #attach}.
 */
final class ReplayTarget implements EngineExecutionListener {

    private EngineExecutionListener delegate;
    private final List<Consumer<EngineExecutionListener>> waiting = new ArrayList<>();

    /** A target with its listener already known. */
    ReplayTarget(EngineExecutionListener delegate) {
        this.delegate = delegate;
    }

    /** A target whose listener comes later. */
    ReplayTarget() {
        this(null);
    }

    /** Deliver what waited, in order, then every later event directly. */
    synchronized void attach(EngineExecutionListener listener) {
        delegate = listener;
        waiting.forEach(call -> call.accept(listener));
        waiting.clear();
    }

    private synchronized void deliver(Consumer<EngineExecutionListener> call) {
        if (delegate == null) {
            waiting.add(call);
        } else {
            call.accept(delegate);
        }
    }

    @Override
    public void dynamicTestRegistered(TestDescriptor testDescriptor) {
        deliver(listener -> listener.dynamicTestRegistered(testDescriptor));
    }

    @Override
    public void executionSkipped(TestDescriptor testDescriptor, String reason) {
        deliver(listener -> listener.executionSkipped(testDescriptor, reason));
    }

    @Override
    public void executionStarted(TestDescriptor testDescriptor) {
        deliver(listener -> listener.executionStarted(testDescriptor));
    }

    @Override
    public void executionFinished(TestDescriptor testDescriptor, TestExecutionResult testExecutionResult) {
        deliver(listener -> listener.executionFinished(testDescriptor, testExecutionResult));
    }

    @Override
    public void reportingEntryPublished(TestDescriptor testDescriptor, ReportEntry entry) {
        deliver(listener -> listener.reportingEntryPublished(testDescriptor, entry));
    }

    @Override
    public void fileEntryPublished(TestDescriptor testDescriptor, FileEntry file) {
        deliver(listener -> listener.fileEntryPublished(testDescriptor, file));
    }
}
