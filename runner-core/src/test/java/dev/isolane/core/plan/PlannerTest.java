package dev.isolane.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.Isolation;
import dev.isolane.core.RunOrder;
import dev.isolane.core.history.History;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.TestClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final List<TestClass> DISCOVERED = List.of(plain("a.ATest"), isolated("a.BTest"),
            plain("a.CTest"), plain("a.DTest"), isolated("a.ETest"));

    @Test
    void annotatedClassesAreIsolatedAndTheRestShareAJvm() {
        RunPlan plan = new Planner(Isolation.ANNOTATED, 2, History.empty()).plan(DISCOVERED);

        assertThat(plan.shared()).containsExactly("a.ATest", "a.CTest", "a.DTest");
        assertThat(plan.isolated()).containsExactly("a.BTest", "a.ETest");
        assertThat(plan.autoIsolated()).isEmpty();
        assertThat(plan.size()).isEqualTo(5);
    }

    @Test
    void allAndNoneOverrideTheAnnotation() {
        assertThat(new Planner(Isolation.ALL, 2, History.empty()).plan(DISCOVERED).shared()).isEmpty();
        assertThat(new Planner(Isolation.NONE, 2, History.empty()).plan(DISCOVERED).isolated()).isEmpty();
    }

    @Test
    void longestKnownClassesStartFirstAndUnknownOnesBeforeThem() {
        History history = history(Map.of("a.ATest", entry(100, "shared"), "a.CTest", entry(900, "shared"),
                "a.DTest", entry(100, "shared")));

        RunPlan plan = new Planner(Isolation.ANNOTATED, 2, history).plan(DISCOVERED);

        // DTest and ATest tie: discovery order decides.
        assertThat(plan.shared()).containsExactly("a.CTest", "a.ATest", "a.DTest");
    }

    @Test
    void autoIsolatesWhatTheHistoryRecordsAsAViolator() {
        History history = history(Map.of("a.CTest", new History.ClassHistory(10, Lane.SHARED,
                List.of(new History.ChangedState(StateKind.SYSTEM_PROPERTY, "x", false)))));

        RunPlan auto = new Planner(Isolation.AUTO, 2, history).plan(DISCOVERED);
        RunPlan annotated = new Planner(Isolation.ANNOTATED, 2, history).plan(DISCOVERED);

        assertThat(auto.isolated()).containsExactlyInAnyOrder("a.BTest", "a.CTest", "a.ETest");
        assertThat(auto.autoIsolated()).containsExactly("a.CTest");
        assertThat(annotated.shared()).contains("a.CTest");
        assertThat(annotated.autoIsolated()).isEmpty();
    }

    @Test
    void autoStartsTheWritersAReplayConfirmedFirst() {
        History history = history(Map.of(
                "a.ATest", new History.ClassHistory(10, Lane.SHARED,
                        List.of(new History.ChangedState(StateKind.SYSTEM_PROPERTY, "x", false))),
                "a.DTest", new History.ClassHistory(5, Lane.SHARED,
                        List.of(new History.ChangedState(StateKind.STATIC_FIELD, "a.M.mode", false, true)))));

        Planner planner = new Planner(Isolation.AUTO, 2, history);
        RunPlan auto = planner.plan(DISCOVERED);

        assertThat(auto.isolated()).first().isEqualTo("a.DTest");
        assertThat(auto.isolated()).containsExactlyInAnyOrder("a.ATest", "a.BTest", "a.DTest", "a.ETest");
        assertThat(auto.autoIsolated()).containsExactly("a.DTest", "a.ATest");
        assertThat(planner.isConfirmedViolator("a.DTest")).isTrue();
        assertThat(planner.isConfirmedViolator("a.ATest")).isFalse();
        assertThat(new Planner(Isolation.ANNOTATED, 2, history).isConfirmedViolator("a.DTest")).isFalse();
    }

    @Test
    void sparesFollowWhatRanIsolatedLastTimeUpToForks() {
        assertThat(new Planner(Isolation.ANNOTATED, 4, History.empty()).spares()).as("no history: one").isEqualTo(1);
        assertThat(new Planner(Isolation.NONE, 4, History.empty()).spares()).isZero();
        assertThat(new Planner(Isolation.ALL, 4, History.empty()).spares()).isEqualTo(4);
        History threeIsolated = history(Map.of("a.BTest", entry(1, "isolated"), "a.ETest", entry(1, "isolated"),
                "a.FTest", entry(1, "isolated"), "a.ATest", entry(1, "shared")));
        assertThat(new Planner(Isolation.ANNOTATED, 4, threeIsolated).spares()).isEqualTo(3);
        assertThat(new Planner(Isolation.ANNOTATED, 2, threeIsolated).spares()).isEqualTo(2);
        History noneIsolated = history(Map.of("a.ATest", entry(1, "shared")));
        assertThat(new Planner(Isolation.ANNOTATED, 4, noneIsolated).spares()).isZero();
    }

    @Test
    void onlyClassesKnownToRunLongGetADefaultJit() {
        Planner planner = new Planner(Isolation.ANNOTATED, 2,
                history(Map.of("a.Slow", entry(Planner.LONG_CLASS_MILLIS + 1, "isolated"),
                        "a.Quick", entry(Planner.LONG_CLASS_MILLIS, "isolated"))));

        assertThat(planner.startsLean("a.Slow")).isFalse();
        assertThat(planner.startsLean("a.Quick")).isTrue();
        assertThat(planner.startsLean("a.Unknown")).isTrue();
    }

    /** As a scan lists them (runOrder=filesystem); every other order starts from the names. */
    private static final List<TestClass> SCANNED = List.of(plain("a.CTest"), plain("a.ATest"), isolated("a.ETest"),
            plain("a.DTest"), isolated("a.BTest"));

    @Test
    void alphabeticalReverseAndFilesystemOrdersInEachLane() {
        RunPlan alphabetical = plan(RunOrder.Kind.ALPHABETICAL, History.empty());
        assertThat(alphabetical.shared()).containsExactly("a.ATest", "a.CTest", "a.DTest");
        assertThat(alphabetical.isolated()).containsExactly("a.BTest", "a.ETest");

        RunPlan reverse = plan(RunOrder.Kind.REVERSE_ALPHABETICAL, History.empty());
        assertThat(reverse.shared()).containsExactly("a.DTest", "a.CTest", "a.ATest");
        assertThat(reverse.isolated()).containsExactly("a.ETest", "a.BTest");

        RunPlan filesystem = plan(RunOrder.Kind.FILESYSTEM, History.empty());
        assertThat(filesystem.shared()).containsExactly("a.CTest", "a.ATest", "a.DTest");
        assertThat(filesystem.isolated()).containsExactly("a.ETest", "a.BTest");
    }

    @Test
    void theSameSeedGivesTheSameOrderWhateverTheScanOrder() {
        List<TestClass> many = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(plain("a.T" + (char) ('A' + i) + "Test"));
        }
        List<TestClass> scannedOtherwise = new java.util.ArrayList<>(many);
        java.util.Collections.reverse(scannedOtherwise);
        RunOrder seed42 = new RunOrder(RunOrder.Kind.RANDOM, 42);

        List<String> first = new Planner(Isolation.ANNOTATED, 2, History.empty(), seed42).plan(many).shared();
        List<String> again = new Planner(Isolation.ANNOTATED, 2, History.empty(), seed42).plan(scannedOtherwise)
                .shared();
        List<String> otherSeed = new Planner(Isolation.ANNOTATED, 2, History.empty(),
                new RunOrder(RunOrder.Kind.RANDOM, 43)).plan(many).shared();

        assertThat(again).isEqualTo(first);
        assertThat(first).containsExactlyInAnyOrderElementsOf(many.stream().map(TestClass::className).toList())
                .isNotEqualTo(many.stream().map(TestClass::className).sorted().toList());
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void failedFirstStartsLastRunsFailuresThenNewClassesThenTheRestEachLongestFirst() {
        History history = history(Map.of(
                "a.ATest", new History.ClassHistory(100, Lane.SHARED, List.of(), false),
                "a.CTest", new History.ClassHistory(50, Lane.SHARED, List.of(), true),
                "a.DTest", new History.ClassHistory(900, Lane.SHARED, List.of(), false),
                "a.ETest", new History.ClassHistory(10, Lane.ISOLATED, List.of(), true)));

        RunPlan plan = plan(RunOrder.Kind.FAILED_FIRST, history);

        assertThat(plan.shared()).containsExactly("a.CTest", "a.DTest", "a.ATest");
        assertThat(plan.isolated()).containsExactly("a.ETest", "a.BTest");
    }

    @Test
    void balancedIsTheDefaultLongestFirst() {
        History history = history(Map.of("a.ATest", entry(100, "shared"), "a.CTest", entry(900, "shared")));
        assertThat(plan(RunOrder.Kind.BALANCED, history).shared())
                .isEqualTo(new Planner(Isolation.ANNOTATED, 2, history).plan(SCANNED).shared())
                .containsExactly("a.DTest", "a.CTest", "a.ATest");
    }

    @Test
    void hourlyMustBeResolvedBeforePlanning() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Planner(Isolation.ANNOTATED, 2, History.empty(),
                new RunOrder(RunOrder.Kind.HOURLY, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    private static RunPlan plan(RunOrder.Kind kind, History history) {
        return new Planner(Isolation.ANNOTATED, 2, history, new RunOrder(kind, 0)).plan(SCANNED);
    }

    private static TestClass plain(String name) {
        return new TestClass(name, false);
    }

    private static TestClass isolated(String name) {
        return new TestClass(name, true);
    }

    private static History.ClassHistory entry(long millis, String lane) {
        return new History.ClassHistory(millis, Lane.valueOf(lane.toUpperCase(java.util.Locale.ROOT)), List.of());
    }

    private static History history(Map<String, History.ClassHistory> classes) {
        return new History(History.SCHEMA_VERSION, "2026-12-01T00:00:00Z", classes);
    }
}
