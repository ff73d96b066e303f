package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line: what it says, how often, the estimate from the history, and a class far over its time. */
class ProgressTest {

    private final List<String> lines = new ArrayList<>();
    private final long start = System.nanoTime();

    private static long seconds(long s) {
        return TimeUnit.SECONDS.toNanos(s);
    }

    private ClassRun running(String name, Lane lane) {
        ClassRun run = new ClassRun(name, lane);
        run.started("isolane-shared-1", 0);
        return run;
    }

    private static ClassResult result(String name, ClassOutcome outcome) {
        return new ClassResult(name, Lane.SHARED, 1, "t", 0, 0, outcome, List.of(), "", "", null);
    }

    @Test
    void aLineEveryIntervalNamingTheLongestRunningClassesAndTheFailed() {
        Progress progress = new Progress(true, name -> OptionalLong.empty(), lines::add, start);
        ClassRun foo = running("com.acme.FooTest", Lane.SHARED);
        List<ClassRun> runs = List.of(foo, new ClassRun("com.acme.WaitingTest", Lane.SHARED),
                new ClassRun("com.acme.DoneTest", Lane.SHARED), new ClassRun("com.acme.BrokenTest", Lane.SHARED));
        progress.finished(result("com.acme.DoneTest", ClassOutcome.PASSED));
        progress.finished(result("com.acme.BrokenTest", ClassOutcome.FAILED));

        progress.tick(start + seconds(9), runs, 2, 2);
        assertThat(lines).isEmpty();
        progress.tick(start + seconds(10) + 1, runs, 2, 2);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("Progress: 2/4 classes, 1 running \\(FooTest \\d+ s\\), 1 failed");
        progress.tick(start + seconds(15), runs, 2, 2);
        assertThat(lines).hasSize(1);
        progress.tick(start + seconds(21), runs, 2, 2);
        assertThat(lines).hasSize(2);
    }

    @Test
    void theThreeLongestAreNamedAndTheRestCounted() throws Exception {
        Progress progress = new Progress(true, name -> OptionalLong.empty(), lines::add, start);
        List<ClassRun> runs = new ArrayList<>();
        for (String name : List.of("a.OneTest", "a.TwoTest", "a.ThreeTest", "a.FourTest", "a.FiveTest")) {
            runs.add(running(name, Lane.SHARED));
            Thread.sleep(2); // each starts a little later than the one before
        }
        String line = progress.line(runs.size(), runs, start + seconds(30), OptionalLong.empty());
        assertThat(line).matches("Progress: 0/5 classes, 5 running \\(OneTest \\d+ s, TwoTest \\d+ s, ThreeTest \\d+ s,"
                + " 2 more\\), 0 failed");
    }

    @Test
    void theEstimateNeedsEveryClassLeftInTheHistory() {
        Map<String, Long> usual = Map.of("a.ATest", 20_000L, "a.BTest", 20_000L, "a.CTest", 8_000L);
        Progress progress = new Progress(true, name -> usual.containsKey(name) ? OptionalLong.of(usual.get(name))
                : OptionalLong.empty(), lines::add, start);
        ClassRun a = running("a.ATest", Lane.SHARED);
        long now = System.nanoTime() + seconds(5);
        List<ClassRun> known = List.of(a, new ClassRun("a.BTest", Lane.SHARED), new ClassRun("a.CTest", Lane.ISOLATED));

        // Shared: 15 s left of A and 20 s of B on 2 lanes; isolated: 8 s on 1 fork.
        OptionalLong left = progress.estimateMillis(known, now, 2, 1);
        assertThat(left).isPresent();
        assertThat(left.getAsLong()).isBetween(17_000L, 17_600L);
        assertThat(progress.line(3, List.of(a), now, left)).endsWith(", 0 failed, about 18 s left");

        List<ClassRun> oneUnknown = List.of(a, new ClassRun("a.NewTest", Lane.SHARED));
        assertThat(progress.estimateMillis(oneUnknown, now, 2, 1)).isEmpty();
    }

    @Test
    void aClassFarOverItsUsualTimeIsNamedOnceAsItHappens() {
        Progress progress = new Progress(true, name -> OptionalLong.of(2_000), lines::add, start);
        ClassRun slow = running("com.acme.SlowTest", Lane.SHARED);
        long began = System.nanoTime();

        progress.tick(began + seconds(11), List.of(slow), 1, 1); // 3x 2 s, but not 10 s past it
        assertThat(lines).noneMatch(line -> line.contains("SlowTest has run"));
        progress.tick(began + seconds(13), List.of(slow), 1, 1);
        progress.tick(began + seconds(14), List.of(slow), 1, 1);
        assertThat(lines).filteredOn(line -> line.contains("SlowTest has run")).containsExactly(
                "Progress: com.acme.SlowTest has run 13 s; it took 2 s last time");
    }

    @Test
    void onATerminalTheLineIsTheStatusLineRedrawnEverySecondAndAnOverdueClassIsStillALine() {
        List<String> terminal = new ArrayList<>();
        StatusLine status = new StatusLine(new RecordingLog(lines), terminal::add, 80, true);
        Progress progress = new Progress(true, name -> OptionalLong.of(1_000), status::info, status, start);
        ClassRun slow = running("com.acme.SlowTest", Lane.SHARED);
        long began = System.nanoTime();

        progress.tick(start + seconds(1) + 1, List.of(slow), 1, 1);
        progress.tick(start + seconds(1) + 2, List.of(slow), 1, 1); // within the second: not drawn again
        assertThat(terminal).singleElement().satisfies(drawn -> assertThat(drawn)
                .matches("\\rProgress: 0/1 classes, 1 running \\(SlowTest \\d+ s\\), 0 failed, about \\d+ s left\\u001b\\[K"));
        progress.tick(began + seconds(12), List.of(slow), 1, 1);
        assertThat(lines).containsExactly("Progress: com.acme.SlowTest has run 12 s; it took 1 s last time");
        // The log's line came between an erase and the status drawn again.
        assertThat(terminal).hasSize(4);
        assertThat(terminal.get(1)).isEqualTo(StatusLine.ERASE);
        assertThat(terminal.get(3)).contains("SlowTest 12 s");
    }

    @Test
    void toFitTheTerminalClassNamesAreCutThenFewerNamed() throws Exception {
        Progress progress = new Progress(true, name -> OptionalLong.empty(), lines::add, start);
        List<ClassRun> runs = new ArrayList<>();
        for (String name : List.of("a.CustomerAccountReconciliationTest", "a.InvoiceNumberSequenceTest",
                "a.TaxRatesTest")) {
            runs.add(running(name, Lane.SHARED));
            Thread.sleep(2);
        }
        long now = start + seconds(30);
        String full = progress.line(3, runs, now, OptionalLong.empty());
        assertThat(progress.line(3, runs, now, OptionalLong.empty(), 200)).isEqualTo(full);

        String cut = progress.line(3, runs, now, OptionalLong.empty(), 100);
        assertThat(cut).hasSizeLessThanOrEqualTo(100)
                .matches("Progress: 0/3 classes, 3 running \\(CustomerA\\w*… \\d+ s, InvoiceNumb\\w*… \\d+ s,"
                        + " TaxRatesTest \\d+ s\\), 0 failed");

        String fewer = progress.line(3, runs, now, OptionalLong.empty(), 70);
        assertThat(fewer).hasSizeLessThanOrEqualTo(70)
                .matches("Progress: 0/3 classes, 3 running \\(Custome… \\d+ s, 2 more\\), 0 failed");

        assertThat(progress.line(3, runs, now, OptionalLong.empty(), 45))
                .isEqualTo("Progress: 0/3 classes, 3 running, 0 failed");
    }

    /** A log whose info lines go to a list. */
    private record RecordingLog(List<String> lines) implements dev.isolane.core.RunLog {
        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add(line);
        }

        @Override
        public void error(String line) {
            lines.add(line);
        }
    }

    @Test
    void offSaysNothing() {
        Progress progress = new Progress(false, name -> OptionalLong.of(1), lines::add, start);
        progress.tick(start + seconds(60), List.of(running("a.XTest", Lane.SHARED)), 1, 1);
        assertThat(lines).isEmpty();
    }
}
