package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.protocol.TraceSlot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

class ResultRecorderTest {

    @TempDir
    Path dir;

    private final List<List<TestResult>> batches = new ArrayList<>();
    private boolean sinkBroken;

    @Test
    void resultsTravelInBatchesAndTheUnsentOnesWaitInTheTraceSlot() throws Exception {
        TraceSlot slot = slot();
        ResultRecorder recorder = recorder(slot, 100);
        for (String name : List.of("one", "two", "three")) {
            TestIdentifier test = test(name);
            recorder.executionStarted(test);
            recorder.executionFinished(test, TestExecutionResult.successful());
        }

        assertThat(batches).as("nothing sent before the batch is full or the class ends").isEmpty();
        TraceSlot.Evidence unsent = TraceSlot.find(dir, "a.B");
        assertThat(unsent.finished()).extracting(finished -> finished.test().displayName())
                .containsExactly("one", "two", "three");
        assertThat(unsent.running()).isEmpty();

        recorder.flush();

        assertThat(batches).singleElement().satisfies(batch -> assertThat(batch).extracting(TestResult::displayName)
                .containsExactly("one", "two", "three"));
        assertThat(TraceSlot.find(dir, "a.B").finished()).as("sent, so no longer evidence").isEmpty();
    }

    @Test
    void aFullBatchLeavesAtOnceAndATestStillRunningStaysInTheEvidence() throws Exception {
        ResultRecorder recorder = recorder(slot(), 2);
        TestIdentifier slow = test("slow");
        recorder.executionStarted(slow);
        for (String name : List.of("one", "two")) {
            TestIdentifier test = test(name);
            recorder.executionStarted(test);
            recorder.executionFinished(test, TestExecutionResult.failed(new AssertionError(name)));
        }

        assertThat(batches).singleElement().satisfies(batch -> assertThat(batch).extracting(TestResult::status)
                .containsExactly(TestStatus.FAILED, TestStatus.FAILED));
        TraceSlot.Evidence evidence = TraceSlot.find(dir, "a.B");
        assertThat(evidence.running()).extracting(TraceSlot.TestRef::displayName).containsExactly("slow");
        assertThat(evidence.finished()).isEmpty();
    }

    @Test
    void aTestWhoseResultCouldNotBeSentIsStillFailedByTheErrorThatStoppedIt() throws Exception {
        ResultRecorder recorder = recorder(slot(), 1);
        TestIdentifier test = test("overflows");
        recorder.executionStarted(test);
        sinkBroken = true;
        assertThatThrownBy(() -> recorder.executionFinished(test,
                TestExecutionResult.failed(new StackOverflowError()))).isInstanceOf(OutOfMemoryError.class);

        sinkBroken = false;
        assertThat(recorder.failRunning(new OutOfMemoryError("Java heap space"))).isEqualTo(1);

        assertThat(batches).singleElement().satisfies(batch -> assertThat(batch).singleElement().satisfies(result -> {
            assertThat(result.uniqueId()).isEqualTo(test.getUniqueId());
            assertThat(result.status()).isEqualTo(TestStatus.ERROR);
            assertThat(result.failureType()).isEqualTo("java.lang.OutOfMemoryError");
        }));
        assertThat(recorder.failRunning(new OutOfMemoryError())).isZero();
    }

    private TraceSlot slot() throws Exception {
        TraceSlot slot = TraceSlot.create(dir.resolve("isolane-shared-1.trace"));
        slot.begin("a.B");
        return slot;
    }

    private ResultRecorder recorder(TraceSlot slot, int batchSize) {
        return new ResultRecorder(new ClassContext("a.B", null), slot, batch -> {
            if (sinkBroken) {
                throw new OutOfMemoryError("Java heap space");
            }
            batches.add(batch);
        }, batchSize, Long.MAX_VALUE);
    }

    private static TestIdentifier test(String name) {
        UniqueId id = UniqueId.forEngine("engine").append("test", name);
        return TestIdentifier.from(new AbstractTestDescriptor(id, name) {
            @Override
            public Type getType() {
                return Type.TEST;
            }
        });
    }
}
