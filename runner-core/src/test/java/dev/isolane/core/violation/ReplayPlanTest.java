package dev.isolane.core.violation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.ConfirmMode;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayPlanTest {

    @Test
    void autoGetsAFifthOfTheRunAndAllNoLimitAndOffNoPairs() {
        List<Violation> violations = List.of(violation(StateKind.STATIC_FIELD, "W", "R", false, false));
        assertThat(ReplayPlan.of(violations, List.of(), 10_000, ConfirmMode.AUTO).budgetMillis()).isEqualTo(2_000);
        assertThat(ReplayPlan.of(violations, List.of(), 10_000, ConfirmMode.ALL).budgetMillis()).isEqualTo(-1);
        assertThat(ReplayPlan.of(violations, List.of(), 10_000, ConfirmMode.OFF).pairs()).isEmpty();
        assertThat(ReplayPlan.of(violations, List.of(), 10_000, ConfirmMode.ALL).pairs())
                .containsExactly(new ReplayPlan.Pair(0, "W", "R", 0));
    }

    @Test
    void mostSuspiciousFirstAReaderThatFailedThenLeftChangedThenGlobalsThenConcurrent() {
        List<Violation> violations = List.of(
                violation(StateKind.STATIC_FIELD, "W0", "R0", true, true),   // restored, concurrent: 1
                violation(StateKind.STATIC_FIELD, "W1", "R1", false, false), // left changed: 4
                violation(StateKind.DEFAULT_LOCALE, "W2", "R2", false, true), // left changed, global, concurrent: 7
                violation(StateKind.STATIC_FIELD, "W3", "R3", true, false),  // its reader failed in the run: 8
                violation(StateKind.SYSTEM_PROPERTY, "W4", "R4", false, false)); // left changed, global: 6
        List<ClassResult> classes = List.of(result("R3", ClassOutcome.FAILED, 100));

        ReplayPlan.Plan plan = ReplayPlan.of(violations, classes, 60_000, ConfirmMode.AUTO);

        assertThat(plan.pairs()).extracting(ReplayPlan.Pair::violation).containsExactly(3, 2, 4, 1, 0);
    }

    @Test
    void aViolationWhoseOnlyReadersAreItsWritersReplaysThemAgainstEachOtherAndOneWithoutReaderNot() {
        Violation eachOther = new Violation(StateKind.STATIC_FIELD, "Ids.next", List.of("A", "B"), List.of("A", "B"),
                true, false, "h");
        Violation noReader = new Violation(StateKind.SYSTEM_PROPERTY, "p", List.of("P"), List.of(), false, false,
                "h");
        ReplayPlan.Plan plan = ReplayPlan.of(List.of(eachOther, noReader), List.of(), 1_000, ConfirmMode.ALL);

        assertThat(plan.pairs()).containsExactly(new ReplayPlan.Pair(0, "B", "A", 0),
                new ReplayPlan.Pair(0, "A", "B", 1));
    }

    @Test
    void pairsOfOneViolationReadersThatFailedFirstThenTheCheapestAtMostThreeTriedRoundByRound() {
        Violation many = new Violation(StateKind.STATIC_FIELD, "Config.mode", List.of("W"),
                List.of("Cheap", "Dear", "Failed", "Middling", "Other"), false, false, "h");
        Violation second = violation(StateKind.STATIC_FIELD, "X", "Y", false, false);
        List<ClassResult> classes = List.of(result("Cheap", ClassOutcome.PASSED, 10),
                result("Dear", ClassOutcome.PASSED, 9_000), result("Failed", ClassOutcome.FAILED, 5_000),
                result("Middling", ClassOutcome.PASSED, 500), result("Other", ClassOutcome.PASSED, 800));

        ReplayPlan.Plan plan = ReplayPlan.of(List.of(many, second), classes, 1_000, ConfirmMode.ALL);

        assertThat(plan.pairs()).containsExactly(
                new ReplayPlan.Pair(0, "W", "Failed", 0), new ReplayPlan.Pair(1, "X", "Y", 0),
                new ReplayPlan.Pair(0, "W", "Cheap", 1),
                new ReplayPlan.Pair(0, "W", "Middling", 2));
    }

    @Test
    void aJvmIsEstimatedAtTheRunsMedianIsolatedStartUpPlusItsClassesTimes() {
        List<ClassResult> classes = List.of(result("W", ClassOutcome.PASSED, 300), result("R", ClassOutcome.PASSED, 200),
                isolated("I1", 400), isolated("I2", 900), isolated("I3", 600));

        ReplayPlan.Plan plan = ReplayPlan.of(List.of(violation(StateKind.STATIC_FIELD, "W", "R", false, false)),
                classes, 10_000, ConfirmMode.AUTO);

        assertThat(plan.jvmStartMillis()).isEqualTo(600);
        assertThat(plan.estimateMillis(List.of("W", "R"))).isEqualTo(600 + 300 + 200);
        assertThat(plan.estimateMillis(List.of("Unknown"))).isEqualTo(600);
        assertThat(ReplayPlan.of(List.of(), List.of(), 1, ConfirmMode.AUTO).jvmStartMillis())
                .isEqualTo(ReplayPlan.DEFAULT_JVM_START_MILLIS);
        assertThat(plan.durations()).containsEntry("R", 200L).doesNotContainKey("Unknown");
        assertThat(Map.copyOf(plan.durations())).hasSize(5);
    }

    static Violation violation(StateKind kind, String writer, String reader, boolean restored, boolean concurrent) {
        return new Violation(kind, writer + ".state", List.of(writer), List.of(reader), concurrent, restored, "h");
    }

    static ClassResult result(String name, ClassOutcome outcome, long millis) {
        return new ClassResult(name, Lane.SHARED, 1, "t", 1_000, 1_000 + millis, outcome, List.of(), "", "", null);
    }

    private static ClassResult isolated(String name, long startUp) {
        return new ClassResult(name, Lane.ISOLATED, 2, "t", 5_000, 5_100, ClassOutcome.PASSED, List.of(), "", "",
                null, Map.of(), 1_000, 1_000 + startUp);
    }
}
