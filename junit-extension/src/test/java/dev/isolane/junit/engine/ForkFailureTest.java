package dev.isolane.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.isolane.junit.fixtures.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A fork that dies, hangs or cannot start ends as a clear failure on the class, never as a hung run. */
class ForkFailureTest {

    @Test
    void aForkThatExitsFailsTheRunningTestWithTheExitCodeAndKeepsWhatFinished() {
        EngineExecutionResults results = EngineTestKit.engine(new IsolatedProcessEngine())
                .selectors(selectClass(Fixtures.EXITING)).execute();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Throwable failure = failure(results, "exits()");
        assertThat(failure).isInstanceOf(ForkedJvmException.class)
                .hasMessageContaining("The JVM forked for " + Fixtures.EXITING)
                .hasMessageContaining("exited with code 3 before the class finished");
        assertThat(failure(results, Fixtures.EXITING.substring(Fixtures.EXITING.lastIndexOf('.') + 1)))
                .isSameAs(failure);
    }

    @Test
    void aForkThatHangsIsStoppedAfterTheTimeoutWithAThreadDump() {
        long start = System.nanoTime();
        EngineExecutionResults results = EngineTestKit.engine(new IsolatedProcessEngine())
                .configurationParameter(ForkSettings.TIMEOUT, "3")
                .selectors(selectClass(Fixtures.HANGING)).execute();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        Throwable failure = failure(results, "sleepsForever()");
        assertThat(failure).isInstanceOf(ForkedJvmException.class)
                .hasMessageContaining("did not finish within 3 s ('isolane.fork.timeout') and was stopped")
                .hasMessageContaining("java.lang.Thread.sleep")
                .hasMessageContaining(Fixtures.HANGING + ".sleepsForever");
    }

    @Test
    void aForkThatCannotStartFailsTheClassWithTheJvmsOwnWords() {
        EngineExecutionResults results = EngineTestKit.engine(new IsolatedProcessEngine())
                .configurationParameter(ForkSettings.JVM_ARGS, "-XX:+NoSuchIsolaneOption")
                .selectors(selectClass(Fixtures.HANGING)).execute();
        Throwable failure = failure(results, "HangingFixture");
        assertThat(failure).isInstanceOf(ForkedJvmException.class)
                .hasMessageContaining("exited with code 1 before it could run anything")
                .hasMessageContaining("NoSuchIsolaneOption");
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    private static Throwable failure(EngineExecutionResults results, String displayName) {
        Event finished = results.allEvents().finished()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals(displayName)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing named " + displayName + " finished"));
        TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow();
    }
}
