package dev.isolane.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

class ReplayTargetTest {

    private final List<String> seen = new ArrayList<>();
    private final EngineExecutionListener listener = new EngineExecutionListener() {
        @Override
        public void executionStarted(TestDescriptor descriptor) {
            seen.add("started " + descriptor.getDisplayName());
        }

        @Override
        public void executionSkipped(TestDescriptor descriptor, String reason) {
            seen.add("skipped " + descriptor.getDisplayName() + ": " + reason);
        }

        @Override
        public void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
            seen.add("finished " + descriptor.getDisplayName() + " " + result.getStatus());
        }

        @Override
        public void reportingEntryPublished(TestDescriptor descriptor, ReportEntry entry) {
            seen.add("reported " + descriptor.getDisplayName() + " " + entry.getKeyValuePairs());
        }
    };

    @Test
    void eventsOfForksStartedEarlyWaitInOrderForTheListenerAndLaterOnesGoStraightThrough() {
        TestDescriptor one = new EngineDescriptor(UniqueId.forEngine("one"), "one");
        TestDescriptor two = new EngineDescriptor(UniqueId.forEngine("two"), "two");
        ReplayTarget target = new ReplayTarget();

        target.executionStarted(one);
        target.reportingEntryPublished(one, ReportEntry.from("pid", "42"));
        target.executionSkipped(two, "disabled");
        assertThat(seen).isEmpty();

        target.attach(listener);
        assertThat(seen).containsExactly("started one", "reported one {pid=42}", "skipped two: disabled");

        target.executionFinished(one, TestExecutionResult.successful());
        assertThat(seen).hasSize(4).last().isEqualTo("finished one SUCCESSFUL");
    }

    @Test
    void aTargetWithItsListenerDeliversAtOnce() {
        TestDescriptor one = new EngineDescriptor(UniqueId.forEngine("one"), "one");
        new ReplayTarget(listener).executionStarted(one);
        assertThat(seen).containsExactly("started one");
    }
}
