package dev.isolane.core.worker;

import dev.isolane.core.protocol.Message;
import dev.isolane.core.protocol.NodeInfo;
import dev.isolane.core.protocol.NodeOutcome;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Sends every test plan event as a message, keyed by unique id, the moment it happens. */
final class NodeStreamer implements TestExecutionListener {

    private final Consumer<Message> out;

    NodeStreamer(Consumer<Message> out) {
        this.out = out;
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier id) {
        out.accept(new Message.NodeRegistered(describe(id)));
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        out.accept(new Message.NodeStarted(id.getUniqueId()));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        out.accept(new Message.NodeSkipped(id.getUniqueId(), reason));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        NodeOutcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> NodeOutcome.SUCCESSFUL;
            case ABORTED -> NodeOutcome.ABORTED;
            case FAILED -> NodeOutcome.FAILED;
        };
        out.accept(new Message.NodeFinished(id.getUniqueId(), outcome,
                result.getThrowable().map(Failures::describe).orElse(null)));
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        out.accept(new Message.NodeReported(id.getUniqueId(), entry.getKeyValuePairs()));
    }

    @Override
    public void fileEntryPublished(TestIdentifier id, FileEntry file) {
        out.accept(new Message.NodeFile(id.getUniqueId(), file.getPath().toAbsolutePath().toString(),
                file.getMediaType().orElse(null)));
    }

    static NodeInfo describe(TestIdentifier id) {
        return new NodeInfo(id.getUniqueId(), id.getParentId().orElse(null), id.getDisplayName(),
                id.getLegacyReportingName(), id.getType().name(), id.getSource().map(Sources::describe).orElse(null),
                id.getTags().stream().map(TestTag::getName).toList());
    }
}
