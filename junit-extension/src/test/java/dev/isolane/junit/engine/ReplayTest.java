package dev.isolane.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.isolane.junit.fixtures.Fixtures;
import dev.isolane.junit.fixtures.LocalProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The replay of a forked class, through JUnit's EngineTestKit: every outcome kind and every test kind comes back as a
 * local run would report it, and nothing of the class runs in this JVM.
 */
class ReplayTest {

    private static EngineExecutionResults outcomes;
    private static EngineExecutionResults kinds;
    private static String stdout;
    private static String stderr;

    @BeforeAll
    static void runForkedFixtures() {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            outcomes = run(Fixtures.OUTCOMES);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        kinds = run(Fixtures.KINDS);
    }

    /** Selected by name: loading the class here must not initialize it. */
    static EngineExecutionResults run(String className) {
        return EngineTestKit.engine(new IsolatedProcessEngine()).selectors(selectClass(className)).execute();
    }

    @Test
    void passedTestsPassAndRanInAnotherJvm() {
        outcomes.testEvents().succeeded().assertEventsMatchExactly(event(test("passes")));
        List<ReportEntry> entries = outcomes.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class)).toList();
        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.getKeyValuePairs()).containsKey("pid"));
        long forkPid = Long.parseLong(entries.get(0).getKeyValuePairs().get("pid"));
        assertThat(forkPid).isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void failuresKeepTheirTypeMessageValuesAndRemoteStackTrace() {
        Throwable failed = failureOf(outcomes, "fails");
        assertThat(failed).isInstanceOf(AssertionFailedError.class)
                .hasMessage("forked arithmetic is off ==> expected: <expected text> but was: <actual text>");
        AssertionFailedError assertion = (AssertionFailedError) failed;
        assertThat(assertion.getExpected().getStringRepresentation()).isEqualTo("expected text");
        assertThat(assertion.getActual().getStringRepresentation()).isEqualTo("actual text");
        assertThat(failed.getStackTrace()).anySatisfy(frame -> {
            assertThat(frame.getClassName()).isEqualTo(Fixtures.OUTCOMES);
            assertThat(frame.getMethodName()).isEqualTo("fails");
            assertThat(frame.getLineNumber()).isPositive();
        });

        Throwable error = failureOf(outcomes, "errors");
        assertThat(error).isExactlyInstanceOf(IllegalStateException.class).hasMessage("bad state");
        assertThat(error.getCause()).isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(error.getCause().getCause()).isInstanceOf(java.io.IOException.class).hasMessage("disk");
        assertThat(error.getStackTrace()[0].getMethodName()).isEqualTo("errors");
    }

    @Test
    void aTypeOnlyTheForkKnowsIsShownByNameWithoutBuildingIt() {
        Throwable own = failureOf(outcomes, "throwsItsOwnException");
        assertThat(own).isNotInstanceOf(AssertionError.class).hasMessage("widget 7 is broken");
        assertThat(own.toString()).isEqualTo(Fixtures.OUTCOMES + "$WidgetException: widget 7 is broken");
        assertThat(own.getStackTrace()[0].getMethodName()).isEqualTo("throwsItsOwnException");
    }

    @Test
    void skippedAndAbortedKeepTheirReasons() {
        outcomes.testEvents().skipped().assertEventsMatchExactly(event(test("disabled"),
                skippedWithReason("not today")));
        outcomes.testEvents().aborted().assertEventsMatchExactly(event(test("aborted"),
                abortedWithReason(instanceOf(TestAbortedException.class), message("Assumption failed: nope"))));
        outcomes.testEvents().assertStatistics(stats -> stats.started(5).succeeded(1).failed(3).aborted(1)
                .skipped(1));
    }

    @Test
    void outputOfTheForkedTestsAppearsHere() {
        assertThat(stdout).contains("passes says hello on stdout");
        assertThat(stderr).contains("passes says hello on stderr");
    }

    @Test
    void everyTestKindKeepsItsNamesStructureAndCounts() {
        Events tests = kinds.testEvents();
        tests.assertStatistics(stats -> stats.dynamicallyRegistered(9).started(12).succeeded(12).failed(0));
        assertThat(displayNames(tests.finished())).containsExactlyInAnyOrder("a friendly name", "word alpha",
                "word beta", "word gamma", "repetition 1 of 2", "repetition 2 of 2", "first dynamic", "nested dynamic",
                "template left", "template right", "innerPasses()", "deepestPasses()");
        kinds.containerEvents().assertThatEvents().haveExactly(1, event(
                container(displayName("Kinds of tests")),
                finishedSuccessfully()));
        kinds.containerEvents().assertThatEvents().haveExactly(1, event(
                org.junit.platform.testkit.engine.EventConditions.type(
                        org.junit.platform.testkit.engine.EventType.DYNAMIC_TEST_REGISTERED),
                container(displayName("a dynamic container"))));

        TestDescriptor deepest = finishedTest(kinds, "deepestPasses()").getTestDescriptor();
        assertThat(ancestorNames(deepest)).containsExactly("Deeper", "the nested part", "Kinds of tests",
                IsolaneEngineDescriptor.DISPLAY_NAME);
        TestDescriptor invocation = finishedTest(kinds, "word beta").getTestDescriptor();
        assertThat(invocation.getUniqueId().toString()).startsWith("[engine:isolane]/[engine:junit-jupiter]/[class:"
                + Fixtures.KINDS + "]/[test-template:parameterized(java.lang.String)]/[test-template-invocation:#2]");
        assertThat(invocation.getSource()).get().hasToString(
                org.junit.platform.engine.support.descriptor.MethodSource.from(Fixtures.KINDS, "parameterized",
                        "java.lang.String").toString());
    }

    @Test
    void noTestCodeOfAForkedClassRanInThisJvm() throws Exception {
        assertThat(LocalProbe.wasInitialized(Class.forName(Fixtures.OUTCOMES, false, getClass().getClassLoader())))
                .isFalse();
        assertThat(LocalProbe.wasInitialized(Class.forName(Fixtures.KINDS, false, getClass().getClassLoader())))
                .isFalse();
        assertThat(LocalProbe.wasInitialized(Class.forName(Fixtures.KINDS_WORDS, false, getClass().getClassLoader())))
                .as("the parameterized test's argument source").isFalse();
    }

    static Throwable failureOf(EngineExecutionResults results, String methodName) {
        Event finished = results.testEvents().finished().filter(e -> e.getTestDescriptor().getDisplayName()
                .equals(methodName + "()")).findFirst().orElseThrow(() -> new AssertionError("no " + methodName));
        TestExecutionResult result = finished.getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow();
    }

    private static Event finishedTest(EngineExecutionResults results, String displayName) {
        return results.testEvents().finished().filter(e -> e.getTestDescriptor().getDisplayName().equals(displayName))
                .findFirst().orElseThrow(() -> new AssertionError("no test " + displayName));
    }

    private static List<String> displayNames(Events events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    private static List<String> ancestorNames(TestDescriptor descriptor) {
        List<String> names = new java.util.ArrayList<>();
        for (TestDescriptor parent = descriptor.getParent().orElse(null); parent != null;
                parent = parent.getParent().orElse(null)) {
            names.add(parent.getDisplayName());
        }
        return names;
    }
}
