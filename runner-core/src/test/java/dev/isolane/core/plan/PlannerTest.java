package dev.isolane.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.Isolation;
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
