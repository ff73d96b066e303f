package dev.isolane.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * {@code isolane.forks} in a plain launch: the isolated classes run in forked JVMs at the same time, and beside the
 * plain classes, which the fixtures prove themselves (each waits until all have arrived, and records its PID and
 * times), and each class's events still reach the launcher's listeners complete, in order, and one call at a time.
 */
class ParallelForksTest {

    private static final List<String> CLASSES = List.of("dev.isolane.junit.overlap.OverlapOneFixture",
            "dev.isolane.junit.overlap.OverlapTwoFixture", "dev.isolane.junit.overlap.OverlapThreeFixture");
    private static final List<String> EXPECTED_ORDER = List.of("started class", "started a1Arrives",
            "finished a1Arrives SUCCESSFUL", "started a2Works", "finished a2Works SUCCESSFUL", "started a3Leaves",
            "finished a3Leaves SUCCESSFUL", "finished class SUCCESSFUL");

    @TempDir
    Path rendezvous;

    @Test
    void isolatedClassesRunInForksAtTheSameTimeAndEachIsReplayedCompleteAndInOrder() {
        Recorder recorder = run("3", 3);

        assertThat(recorder.summary.getSummary().getTestsSucceededCount()).as(recorder.failures()).isEqualTo(9);
        assertThat(recorder.pids.values()).doesNotHaveDuplicates().hasSize(3)
                .doesNotContain(ProcessHandle.current().pid());
        long latestStart = recorder.starts.values().stream().max(Long::compare).orElseThrow();
        long earliestEnd = recorder.ends.values().stream().min(Long::compare).orElseThrow();
        assertThat(latestStart).as("every class started before any ended").isLessThan(earliestEnd);
        CLASSES.forEach(name -> assertThat(recorder.events.get(name)).as(name).isEqualTo(EXPECTED_ORDER));
        assertThat(recorder.mostAtOnce.get()).as("listener calls at the same instant").isEqualTo(1);
    }

    @Test
    void oneForkAtATimeWhenIsolaneForksIsOne() {
        Recorder recorder = run("1", 1);

        assertThat(recorder.summary.getSummary().getTestsSucceededCount()).as(recorder.failures()).isEqualTo(9);
        assertThat(recorder.pids.values()).doesNotHaveDuplicates().hasSize(3);
        List<String> byStart = new ArrayList<>(CLASSES);
        byStart.sort(Comparator.comparing(recorder.starts::get));
        for (int i = 1; i < byStart.size(); i++) {
            assertThat(recorder.starts.get(byStart.get(i))).as(byStart.get(i) + " started after "
                    + byStart.get(i - 1) + " ended").isGreaterThanOrEqualTo(recorder.ends.get(byStart.get(i - 1)));
        }
        CLASSES.forEach(name -> assertThat(recorder.events.get(name)).as(name).isEqualTo(EXPECTED_ORDER));
    }

    @Test
    void forksStartWithThePlanAndRunBesideThePlainClassesOfAnEngineExecutedFirst() {
        // Jupiter executes before the Isolane engine here, as it does when its jar comes first on the class path.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestEngineAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine(), new IsolatedProcessEngine()).build());
        String plain = "dev.isolane.junit.overlap.OverlapPlainFixture";
        Recorder recorder = run(launcher, List.of(CLASSES.get(0), plain), "2", 2);

        assertThat(recorder.summary.getSummary().getTestsSucceededCount()).as(recorder.failures()).isEqualTo(4);
        assertThat(recorder.pids.get(plain)).isEqualTo(ProcessHandle.current().pid());
        assertThat(recorder.pids.get(CLASSES.get(0))).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(recorder.events.get(CLASSES.get(0))).isEqualTo(EXPECTED_ORDER);
    }

    @Test
    void forksTakesAWholeNumberOrAMultipleOfTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(ForkSettings.from(ForkJvmTest.parameters(Map.of())).maxForks()).isEqualTo(cores);
        assertThat(ForkSettings.from(ForkJvmTest.parameters(Map.of(ForkSettings.FORKS, "3"))).maxForks())
                .isEqualTo(3);
        assertThat(ForkSettings.from(ForkJvmTest.parameters(Map.of(ForkSettings.FORKS, "2C"))).maxForks())
                .isEqualTo(2 * cores);
        assertThatThrownBy(() -> ForkSettings.from(ForkJvmTest.parameters(Map.of(ForkSettings.FORKS, "many"))))
                .isInstanceOf(JUnitException.class)
                .hasMessageStartingWith("Invalid value for parameter 'isolane.forks': 'many'. Use a whole number");
    }

    private Recorder run(String forks, int meeting) {
        return run(LauncherFactory.create(), CLASSES, forks, meeting);
    }

    /** Run the classes; each fixture goes on once {@code meeting} of them arrived. */
    private Recorder run(Launcher launcher, List<String> classes, String forks, int meeting) {
        System.setProperty("isolane.test.rendezvous", rendezvous.toString());
        System.setProperty("isolane.test.rendezvous.count", String.valueOf(meeting));
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(classes.stream().map(name -> selectClass(name)).toList())
                    .configurationParameter(ForkSettings.FORKS, forks)
                    .build();
            Recorder recorder = new Recorder();
            launcher.execute(request, recorder, recorder.summary);
            return recorder;
        } finally {
            System.clearProperty("isolane.test.rendezvous");
            System.clearProperty("isolane.test.rendezvous.count");
        }
    }

    /** Each class's events in the order the listener saw them, what its tests reported, and overlapping calls. */
    private static final class Recorder implements TestExecutionListener {

        final SummaryGeneratingListener summary = new SummaryGeneratingListener();
        final Map<String, List<String>> events = new LinkedHashMap<>();
        final Map<String, Long> pids = new LinkedHashMap<>();
        final Map<String, Long> starts = new LinkedHashMap<>();
        final Map<String, Long> ends = new LinkedHashMap<>();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<String> failures = new ArrayList<>();

        @Override
        public void executionStarted(TestIdentifier identifier) {
            enter();
            try {
                event(identifier, "started " + name(identifier));
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            enter();
            try {
                event(identifier, "finished " + name(identifier) + " " + result.getStatus());
                result.getThrowable().ifPresent(failure -> failures.add(identifier.getUniqueId() + ": " + failure));
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override
        public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
            enter();
            try {
                String className = className(identifier.getSource().orElse(null));
                entry.getKeyValuePairs().forEach((key, value) -> {
                    switch (key) {
                        case "pid" -> pids.put(className, Long.parseLong(value));
                        case "start" -> starts.put(className, Long.parseLong(value));
                        case "end" -> ends.put(className, Long.parseLong(value));
                        default -> { }
                    }
                });
            } finally {
                inside.decrementAndGet();
            }
        }

        private void enter() {
            mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
        }

        private void event(TestIdentifier identifier, String event) {
            String className = className(identifier.getSource().orElse(null));
            if (className != null) {
                events.computeIfAbsent(className, key -> new ArrayList<>()).add(event);
            }
        }

        private static String name(TestIdentifier identifier) {
            return identifier.getSource().orElse(null) instanceof MethodSource method ? method.getMethodName()
                    : "class";
        }

        private static String className(TestSource source) {
            if (source instanceof ClassSource type) {
                return type.getClassName();
            }
            return source instanceof MethodSource method ? method.getClassName() : null;
        }

        String failures() {
            return String.join("\n", failures);
        }
    }
}
