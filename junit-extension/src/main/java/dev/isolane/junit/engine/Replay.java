package dev.isolane.junit.engine;

import dev.isolane.core.protocol.Message;
import dev.isolane.core.protocol.NodeInfo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Replays what a fork streamed, on the mirrored nodes of one class, to this JVM's listener: every start, skip and
 * finish, every node registered while running, report entries, and the output in order with them. When the fork ends
 * early, {@link #endAbnormally} finishes every node still running with the reason.
 */
final class Replay {

    private final ForkedClassDescriptor forkedClass;
    private final EngineExecutionListener listener;
    private final UniqueId engineId;
    private final Map<String, TestDescriptor> nodes = new HashMap<>();
    private final Set<TestDescriptor> running = new LinkedHashSet<>();
    private final Set<TestDescriptor> settled = Collections.newSetFromMap(new HashMap<>());
    /** The real engine's own failure (its root node is not mirrored); it explains a class that never ran. */
    private Throwable engineFailure;

    Replay(ForkedClassDescriptor forkedClass, EngineExecutionListener listener, UniqueId engineId) {
        this.forkedClass = forkedClass;
        this.listener = listener;
        this.engineId = engineId;
        forkedClass.accept(node -> nodes.put(((MirrorDescriptor) node).originalId().toString(), node));
    }

    void accept(Message message) {
        if (message instanceof Message.Output output) {
            PrintStream stream = output.stderr() ? System.err : System.out;
            stream.print(output.text());
            stream.flush();
        } else if (message instanceof Message.NodeRegistered registered) {
            register(registered.node());
        } else if (message instanceof Message.NodeStarted started) {
            TestDescriptor node = nodes.get(started.uniqueId());
            if (node != null) {
                running.add(node);
                listener.executionStarted(node);
            }
        } else if (message instanceof Message.NodeSkipped skipped) {
            TestDescriptor node = nodes.get(skipped.uniqueId());
            if (node != null) {
                settled.add(node);
                listener.executionSkipped(node, skipped.reason());
            }
        } else if (message instanceof Message.NodeFinished finished) {
            finish(finished);
        } else if (message instanceof Message.NodeReported reported) {
            TestDescriptor node = nodes.get(reported.uniqueId());
            if (node != null && !reported.entries().isEmpty()) {
                listener.reportingEntryPublished(node, ReportEntry.from(reported.entries()));
            }
        } else if (message instanceof Message.NodeFile file) {
            TestDescriptor node = nodes.get(file.uniqueId());
            if (node != null) {
                listener.fileEntryPublished(node, FileEntry.from(Path.of(file.path()), file.mediaType()));
            }
        }
    }

    private void register(NodeInfo info) {
        TestDescriptor parent = info.parentId() == null ? null : nodes.get(info.parentId());
        if (parent == null || nodes.containsKey(info.uniqueId())) {
            return;
        }
        UniqueId originalId = UniqueId.parse(info.uniqueId());
        Set<TestTag> tags = new LinkedHashSet<>();
        info.tags().stream().filter(TestTag::isValid).map(TestTag::create).forEach(tags::add);
        MirrorDescriptor node = new MirrorDescriptor(MirrorDescriptor.mirrorId(engineId, originalId), originalId,
                info.displayName(), RemoteSources.rebuild(info.source()), TestDescriptor.Type.valueOf(info.type()),
                info.legacyReportingName() == null ? info.displayName() : info.legacyReportingName(), false, tags);
        parent.addChild(node);
        nodes.put(info.uniqueId(), node);
        listener.dynamicTestRegistered(node);
    }

    private void finish(Message.NodeFinished finished) {
        TestDescriptor node = nodes.get(finished.uniqueId());
        Throwable failure = finished.failure() == null ? null : RemoteFailures.rebuild(finished.failure());
        if (node == null) {
            if (failure != null && UniqueId.parse(finished.uniqueId()).getSegments().size() == 1) {
                engineFailure = failure;
            }
            return;
        }
        running.remove(node);
        settled.add(node);
        listener.executionFinished(node, switch (finished.outcome()) {
            case SUCCESSFUL -> TestExecutionResult.successful();
            case ABORTED -> TestExecutionResult.aborted(failure);
            case FAILED -> TestExecutionResult.failed(failure);
        });
    }

    /** The fork said it was done; a class it never reported gets the reason it did not run. */
    void completed(Throwable platformFailure) {
        if (!running.isEmpty() || !settled.contains(forkedClass)) {
            Throwable reason = platformFailure != null ? platformFailure : engineFailure;
            endAbnormally(reason != null ? reason : new ForkedJvmException("The forked JVM found nothing to run for "
                    + forkedClass.className() + "; its class path may differ from this JVM's."));
        }
    }

    /** Finish every node still running, innermost first, and the class itself, with this failure. */
    void endAbnormally(Throwable failure) {
        List<TestDescriptor> open = new ArrayList<>(running);
        Collections.reverse(open);
        for (TestDescriptor node : open) {
            listener.executionFinished(node, TestExecutionResult.failed(failure));
            settled.add(node);
        }
        running.clear();
        if (!settled.contains(forkedClass)) {
            listener.executionStarted(forkedClass);
            listener.executionFinished(forkedClass, TestExecutionResult.failed(failure));
            settled.add(forkedClass);
        }
    }
}
