package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.protocol.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class ResultRecorderTest {

    private final List<TestResult> sent = new ArrayList<>();
    private final List<Message.TestStarted> started = new ArrayList<>();
    private boolean sinkBroken;

    private final ResultRecorder recorder = new ResultRecorder(new ClassContext("a.B", null), result -> {
        if (sinkBroken) {
            throw new OutOfMemoryError("Java heap space");
        }
        sent.add(result);
    }, started::add);

    @Test
    void announcesEachTestAsItStarts() {
        TestIdentifier test = test("passes");
        recorder.executionStarted(test);
        recorder.executionFinished(test, TestExecutionResult.successful());

        assertThat(started).singleElement().satisfies(start -> {
            assertThat(start.className()).isEqualTo("a.B");
            assertThat(start.uniqueId()).isEqualTo(test.getUniqueId());
        });
        assertThat(sent).extracting(TestResult::status).containsExactly(TestStatus.PASSED);
    }

    @Test
    void aTestWhoseResultCouldNotBeSentIsStillFailedByTheErrorThatStoppedIt() {
        TestIdentifier test = test("overflows");
        recorder.executionStarted(test);
        sinkBroken = true;
        assertThatThrownBy(() -> recorder.executionFinished(test,
                TestExecutionResult.failed(new StackOverflowError()))).isInstanceOf(OutOfMemoryError.class);

        sinkBroken = false;
        assertThat(recorder.failRunning(new OutOfMemoryError("Java heap space"))).isEqualTo(1);

        assertThat(sent).singleElement().satisfies(result -> {
            assertThat(result.uniqueId()).isEqualTo(test.getUniqueId());
            assertThat(result.status()).isEqualTo(TestStatus.ERROR);
            assertThat(result.failureType()).isEqualTo("java.lang.OutOfMemoryError");
        });
        assertThat(recorder.failRunning(new OutOfMemoryError())).isZero();
    }

    @Test
    void aClassThatFailsBeforeAnyOfItsTestsPassedIsAnInitializationErrorAsInSurefire36() {
        execute("dev.isolane.core.fixtures.BrokenSetupFixture");

        assertThat(sent).singleElement().satisfies(result -> {
            assertThat(result.reportName()).isEqualTo("initializationError");
            assertThat(result.reportClass()).isEqualTo("dev.isolane.core.fixtures.BrokenSetupFixture");
            assertThat(result.status()).isEqualTo(TestStatus.ERROR);
            assertThat(result.isClassLevel()).isTrue();
        });
    }

    @Test
    void aClassThatFailsAfterOneOfItsTestsPassedIsAnExecutionErrorEvenInItsNestedClass() {
        execute("dev.isolane.core.fixtures.BrokenTeardownFixture");

        // JUnit runs the nested class after the outer test; Surefire files both under the top-level class.
        assertThat(sent).extracting(TestResult::reportClass, TestResult::reportName, TestResult::status)
                .containsExactly(
                        tuple("dev.isolane.core.fixtures.BrokenTeardownFixture", "passes", TestStatus.PASSED),
                        tuple("dev.isolane.core.fixtures.BrokenTeardownFixture$Inner", "executionError",
                                TestStatus.ERROR),
                        tuple("dev.isolane.core.fixtures.BrokenTeardownFixture", "executionError",
                                TestStatus.ERROR));
    }

    private void execute(String className) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(className)).build(), recorder);
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
