package dev.isolane.core.violation;

import static dev.isolane.core.violation.ReplayPlanTest.result;
import static dev.isolane.core.violation.ReplayPlanTest.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.ConfirmMode;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayScheduleTest {

    private static final ReplaySchedule.Outcome PASSES = ReplaySchedule.Outcome.of(List.of(test(TestStatus.PASSED)));
    private static final ReplaySchedule.Outcome FAILS = ReplaySchedule.Outcome.of(List.of(test(TestStatus.FAILED)));

    @Test
    void aPairIsTheReaderAloneThenTheWriterAndTheReaderAndTheReaderAloneRunsOnceForAllItsWriters() {
        Violation first = violation(StateKind.STATIC_FIELD, "W1", "R", false, false);
        Violation second = violation(StateKind.STATIC_FIELD, "W2", "R", false, false);
        ReplaySchedule schedule = schedule(List.of(first, second), ConfirmMode.ALL, 1_000);

        assertThat(schedule.next(-1)).isEqualTo(new ReplaySchedule.Job(null, "R"));
        assertThat(schedule.next(-1)).isEqualTo(new ReplaySchedule.Job("W1", "R"));
        assertThat(schedule.next(-1)).isEqualTo(new ReplaySchedule.Job("W2", "R"));
        assertThat(schedule.next(-1)).isNull();
        assertThat(new ReplaySchedule.Job("W1", "R").classes()).containsExactly("W1", "R");
    }

    @Test
    void differentOutcomesConfirmTheSameAreNotReproducedAndNoReaderIsNotTried() {
        Violation breaks = violation(StateKind.STATIC_FIELD, "W1", "R1", false, false);
        Violation harmless = violation(StateKind.STATIC_FIELD, "W2", "R2", false, false);
        Violation unread = new Violation(StateKind.SYSTEM_PROPERTY, "p", List.of("P"), List.of(), false, false, "h");
        ReplaySchedule schedule = schedule(List.of(breaks, harmless, unread), ConfirmMode.ALL, 1_000);
        for (ReplaySchedule.Job job = schedule.next(-1); job != null; job = schedule.next(-1)) {
            schedule.finished(job, job.equals(new ReplaySchedule.Job("W1", "R1")) ? FAILS : PASSES);
        }

        List<Violation> confirmed = schedule.confirmed();

        assertThat(confirmed).extracting(v -> v.confirmation().status()).containsExactly(
                Confirmation.Status.CONFIRMED, Confirmation.Status.NOT_REPRODUCED, Confirmation.Status.NOT_TRIED);
        assertThat(confirmed.get(0).confirmation()).isEqualTo(Confirmation.confirmed("W1", "R1", "id", "boom"));
        assertThat(confirmed.get(2).confirmation().reason()).isEqualTo("no reader seen");
    }

    @Test
    void aJvmThatCrashedLeavesItsViolationNotTriedSayingWhy() {
        ReplaySchedule schedule = schedule(List.of(violation(StateKind.STATIC_FIELD, "W", "R", false, false)),
                ConfirmMode.ALL, 1_000);
        schedule.finished(schedule.next(-1), PASSES);
        schedule.finished(schedule.next(-1), ReplaySchedule.Outcome.failed("exited with code 137"));

        assertThat(schedule.confirmed().get(0).confirmation())
                .isEqualTo(Confirmation.notTried("replaying W then R: exited with code 137"));
    }

    @Test
    void withinTheBudgetOnlyPairsThatFitAreTakenACheaperLaterOneBeforeOneThatNoLongerFits() {
        // The run took 10 s: a 2 s budget. A JVM starts in 1 s (no isolated JVM measured).
        Violation dear = violation(StateKind.DEFAULT_LOCALE, "DearWriter", "DearReader", false, false);
        Violation cheap = violation(StateKind.STATIC_FIELD, "CheapWriter", "CheapReader", false, false);
        List<ClassResult> classes = List.of(result("DearWriter", ClassOutcome.PASSED, 3_000),
                result("DearReader", ClassOutcome.PASSED, 100), result("CheapWriter", ClassOutcome.PASSED, 300),
                result("CheapReader", ClassOutcome.PASSED, 200));
        ReplaySchedule schedule = new ReplaySchedule(List.of(dear, cheap),
                ReplayPlan.of(List.of(dear, cheap), classes, 10_000, ConfirmMode.AUTO));

        assertThat(schedule.next(2_000)).isEqualTo(new ReplaySchedule.Job(null, "CheapReader"));
        assertThat(schedule.next(1_900)).isEqualTo(new ReplaySchedule.Job("CheapWriter", "CheapReader"));
        assertThat(schedule.next(1_800)).isNull();

        Confirmation dearOne = schedule.confirmed().get(0).confirmation();
        assertThat(dearOne.status()).isEqualTo(Confirmation.Status.NOT_TRIED);
        assertThat(dearOne.reason()).isEqualTo("its replay would not fit in what was left of the budget of 2.0 s (a"
                + " fifth of the run's time; confirm=all replays every violation)");
    }

    @Test
    void theSecondJobOfATakenPairThatNoLongerFitsIsNotStarted() {
        Violation one = violation(StateKind.STATIC_FIELD, "W", "R", false, false);
        ReplaySchedule schedule = new ReplaySchedule(List.of(one), ReplayPlan.of(List.of(one),
                List.of(result("W", ClassOutcome.PASSED, 500), result("R", ClassOutcome.PASSED, 100)), 10_000,
                ConfirmMode.AUTO));

        assertThat(schedule.next(2_000)).isEqualTo(new ReplaySchedule.Job(null, "R"));
        assertThat(schedule.next(1_200)).isNull(); // W then R needs 1.6 s
        assertThat(schedule.confirmed().get(0).confirmation().status()).isEqualTo(Confirmation.Status.NOT_TRIED);
    }

    @Test
    void aViolationConfirmedTakesNoMorePairs() {
        Violation many = new Violation(StateKind.STATIC_FIELD, "s", List.of("W"), List.of("R1", "R2"), false, false,
                "h");
        ReplaySchedule schedule = schedule(List.of(many), ConfirmMode.ALL, 1_000);
        schedule.finished(schedule.next(-1), PASSES);                          // R1 alone
        ReplaySchedule.Job after = schedule.next(-1);                           // W then R1
        assertThat(after).isEqualTo(new ReplaySchedule.Job("W", "R1"));
        schedule.finished(after, FAILS);

        assertThat(schedule.next(-1)).isNull();
        assertThat(schedule.confirmed().get(0).isConfirmed()).isTrue();
    }

    private static ReplaySchedule schedule(List<Violation> violations, ConfirmMode mode, long runMillis) {
        return new ReplaySchedule(violations, ReplayPlan.of(violations, List.of(), runMillis, mode));
    }

    private static TestResult test(TestStatus status) {
        return new TestResult("id", "t()", "t", "R", status, 1, status == TestStatus.PASSED ? null : "boom",
                null, null, "", "");
    }
}
