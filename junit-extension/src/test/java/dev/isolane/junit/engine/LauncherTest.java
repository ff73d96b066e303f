package dev.isolane.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.isolane.junit.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The whole Launcher, as an IDE drives it, with everything the extension registers through service files: the
 * isolated classes move from Jupiter to the Isolane engine, each runs once, in another JVM, and selectors an IDE
 * sends (class, method, package, unique ids of either engine) resolve.
 */
class LauncherTest {

    private final Launcher launcher = LauncherFactory.create();

    @Test
    void anIsolatedClassRunsOnceUnderIsolaneAndAPlainOneStaysWithJupiter() {
        TestPlan plan = launcher.discover(request(selectClass(Fixtures.OUTCOMES), selectClass(Fixtures.PLAIN)));
        assertThat(classesOf(plan, "isolane")).containsExactly(Fixtures.OUTCOMES);
        assertThat(classesOf(plan, "junit-jupiter")).containsExactly(Fixtures.PLAIN);

        Recorder recorder = new Recorder();
        TestExecutionSummary summary = execute(recorder, selectClass(Fixtures.OUTCOMES), selectClass(Fixtures.PLAIN));
        assertThat(summary.getTestsFoundCount()).isEqualTo(7);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getTestsFailedCount()).isEqualTo(3);
        assertThat(summary.getTestsAbortedCount()).isEqualTo(1);
        assertThat(summary.getTestsSkippedCount()).isEqualTo(1);
        long here = ProcessHandle.current().pid();
        assertThat(recorder.pids.get("runsHere(TestReporter)")).isEqualTo(here);
        assertThat(recorder.pids.get("passes(TestReporter)")).isNotNull().isNotEqualTo(here);
    }

    @Test
    void aPackageScanFindsIsolatedClassesThroughTheClassNameFilters() {
        LauncherDiscoveryRequest scan = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("dev.isolane.junit.fixtures"))
                .filters(ClassNameFilter.includeClassNamePatterns(".*Fixture"),
                        ClassNameFilter.excludeClassNamePatterns(".*(Exiting|Hanging|Kinds|Legacy)Fixture"))
                .build();
        TestPlan plan = launcher.discover(scan);
        assertThat(classesOf(plan, "isolane")).containsExactly(Fixtures.OUTCOMES);
        assertThat(classesOf(plan, "junit-jupiter")).containsExactly(Fixtures.PLAIN);
    }

    @Test
    void aSingleMethodRunsAloneInItsFork() {
        Recorder recorder = new Recorder();
        TestExecutionSummary summary = execute(recorder, selectMethod(Fixtures.OUTCOMES + "#errors"));
        assertThat(summary.getTestsFoundCount()).isEqualTo(1);
        assertThat(recorder.finished).containsExactly("errors()=FAILED");
    }

    @Test
    void rerunsByUniqueIdWorkWithIsolanesIdsAndWithJupitersOwn() {
        String jupiterId = "[engine:junit-jupiter]/[class:" + Fixtures.OUTCOMES + "]/[method:aborted()]";
        for (String id : List.of("[engine:isolane]/" + jupiterId, jupiterId)) {
            Recorder recorder = new Recorder();
            TestExecutionSummary summary = execute(recorder, selectUniqueId(id));
            assertThat(summary.getTestsFoundCount()).as(id).isEqualTo(1);
            assertThat(recorder.finished).as(id).containsExactly("aborted()=ABORTED");
            assertThat(recorder.uniqueIds).as(id).allMatch(each -> each.startsWith("[engine:isolane]/"));
        }
    }

    @Test
    void aJunit4ClassIsForkedThroughTheVintageEngine() {
        TestPlan plan = launcher.discover(request(selectClass(Fixtures.LEGACY)));
        assertThat(classesOf(plan, "isolane")).containsExactly(Fixtures.LEGACY);
        assertThat(classesOf(plan, "junit-vintage")).isEmpty();
        Recorder recorder = new Recorder();
        TestExecutionSummary summary = execute(recorder, selectClass(Fixtures.LEGACY));
        assertThat(summary.getTestsFoundCount()).isEqualTo(3);
        assertThat(recorder.finished).containsExactlyInAnyOrder("passes=SUCCESSFUL", "fails=FAILED");
        assertThat(recorder.uniqueIds).allMatch(id -> id.startsWith("[engine:isolane]/[engine:junit-vintage]/"));
        assertThat(summary.getFailures()).singleElement().satisfies(failure ->
                assertThat(failure.getException()).isInstanceOf(AssertionError.class)
                        .hasMessageContaining("legacy arithmetic is off"));
    }

    @Test
    void insideAnIsolaneWorkerOrSwitchedOffNothingIsForked() {
        for (Map.Entry<String, String> setting : Map.of(ForkSettings.WORKER_LANE, "shared",
                ForkSettings.ENABLED, "false").entrySet()) {
            TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Fixtures.OUTCOMES))
                    .configurationParameter(setting.getKey(), setting.getValue()).build());
            assertThat(classesOf(plan, "isolane")).as(setting.getKey()).isEmpty();
            assertThat(classesOf(plan, "junit-jupiter")).as(setting.getKey()).containsExactly(Fixtures.OUTCOMES);
        }
    }

    private TestExecutionSummary execute(Recorder recorder, DiscoverySelector... selectors) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request(selectors), summary, recorder);
        return summary.getSummary();
    }

    private static LauncherDiscoveryRequest request(DiscoverySelector... selectors) {
        return LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
    }

    /** The class names of the top-level containers of one engine. */
    private static List<String> classesOf(TestPlan plan, String engineId) {
        List<String> names = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            if (root.getUniqueIdObject().getEngineId().orElseThrow().equals(engineId)) {
                plan.getChildren(root).forEach(child -> names.add(child.getLegacyReportingName()));
            }
        }
        return names;
    }

    /** What an IDE would show: which tests finished how, their unique ids, and the PIDs they published. */
    static final class Recorder implements TestExecutionListener {
        final List<String> finished = new ArrayList<>();
        final List<String> uniqueIds = new ArrayList<>();
        final Map<String, Long> pids = new ConcurrentHashMap<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                finished.add(id.getDisplayName() + "=" + result.getStatus());
                uniqueIds.add(id.getUniqueId());
            }
        }

        @Override
        public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            String pid = entry.getKeyValuePairs().get("pid");
            if (pid != null) {
                pids.put(id.getDisplayName(), Long.parseLong(pid));
            }
        }
    }
}
