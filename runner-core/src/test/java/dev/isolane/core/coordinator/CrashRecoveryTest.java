package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.TraceSlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What becomes of the classes of a dead JVM, decided from real (ended) processes and the evidence they left. */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final CrashRecovery recovery = new CrashRecovery(Duration.ofSeconds(5), Path.of("."),
            new CrashRecovery.Outcomes() {
                @Override
                public void complete(ClassRun run) {
                    events.add("complete " + run.className() + " " + run.result().outcome());
                }

                @Override
                public void warn(String warning) {
                    events.add("warn " + warning);
                }

                @Override
                public void retry(List<ClassRun> runs, Lane lane) {
                    runs.forEach(run -> events.add("retry " + run.className() + " " + lane));
                }
            });

    @AfterEach
    void end() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void anIsolatedJvmsClassEndsAsCrashed() throws Exception {
        WorkerHandle worker = deadWorker(Lane.ISOLATED, 134, "");
        ClassRun run = running("a.OnlyTest", worker, true);

        recovery.workerDied(worker, List.of(run));

        assertThat(events).containsExactly("complete a.OnlyTest CRASHED");
        assertThat(run.result().detail()).contains("The isolated JVM (pid").contains("was killed by signal 6")
                .contains("(test runs())").contains("Last output of the class:\noutput of a.OnlyTest");
        assertThat(run.result().tests()).extracting(test -> test.displayName() + " " + test.status() + " "
                + test.failureType()).containsExactly("runs() ERROR dev.isolane.WorkerCrash",
                "later() ERROR dev.isolane.NotRun");
        assertThat(run.result().tests().get(1).message()).startsWith("Not run: The isolated JVM");
    }

    @Test
    void whenTheSharedWorkersOwnMachineryFailedNoClassIsBlamedAndEachRunsAgainAlone() throws Exception {
        WorkerHandle worker = deadWorker(Lane.SHARED, 137, "isolane worker shared-1: cannot go on: OutOfMemoryError");
        worker.failed("java.lang.OutOfMemoryError: Java heap space");
        ClassRun testing = running("a.FloodTest", worker, true);
        ClassRun between = running("a.QuietTest", worker, false);

        recovery.workerDied(worker, List.of(testing, between));

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("warn Re-running a.FloodTest, a.QuietTest in JVMs of their own")
                .contains("after the worker itself failed (java.lang.OutOfMemoryError: Java heap space)")
                .endsWith("and Isolane cannot tell which class caused it.");
        assertThat(events.subList(1, 3)).containsExactly("retry a.FloodTest ISOLATED", "retry a.QuietTest ISOLATED");
    }

    @Test
    void inTheSharedJvmTheOnlyClassWithARunningTestIsBlamedAndTheOthersRetriedInAFreshSharedJvm() throws Exception {
        WorkerHandle worker = deadWorker(Lane.SHARED, 1, "");
        ClassRun culprit = running("a.CulpritTest", worker, true);
        ClassRun bystander = running("a.BystanderTest", worker, false);
        ClassRun other = running("a.OtherTest", worker, false);

        recovery.workerDied(worker, List.of(bystander, culprit, other));

        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isEqualTo("complete a.CulpritTest CRASHED");
        assertThat(events.get(1)).startsWith("warn Re-running a.BystanderTest, a.OtherTest in a fresh shared JVM")
                .endsWith("while it ran beside a.CulpritTest, which is to blame.");
        assertThat(events.subList(2, 4)).containsExactly("retry a.BystanderTest SHARED", "retry a.OtherTest SHARED");
        assertThat(culprit.result().detail()).contains("it is to blame: it was the only class with a test running");
        assertThat(bystander.retryReason()).contains("while it ran beside a.CulpritTest");
        assertThat(bystander.isDone()).isFalse();
    }

    @Test
    void withNoCulpritEveryClassIsRetriedAlone() throws Exception {
        WorkerHandle worker = deadWorker(Lane.SHARED, 1, "");
        ClassRun first = running("a.FirstTest", worker, true);
        ClassRun second = running("a.SecondTest", worker, true);

        recovery.workerDied(worker, List.of(first, second));

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("warn Re-running a.FirstTest, a.SecondTest in JVMs of their own")
                .contains("Isolane cannot tell which class caused it");
        assertThat(events.subList(1, 3)).containsExactly("retry a.FirstTest ISOLATED", "retry a.SecondTest ISOLATED");
    }

    @Test
    void aClassThatRanOutOfAttemptsEndsAsCrashedWithoutBlame() throws Exception {
        WorkerHandle worker = deadWorker(Lane.SHARED, 1, "");
        ClassRun tired = running("a.TiredTest", worker, true);
        for (int attempt = 1; attempt < CrashRecovery.MAX_ATTEMPTS; attempt++) {
            tired.retry(Lane.SHARED, "a JVM died");
            tired.assignTo(worker);
        }
        ClassRun fresh = running("a.FreshTest", worker, true);

        recovery.workerDied(worker, List.of(tired, fresh));

        assertThat(events.get(0)).isEqualTo("complete a.TiredTest CRASHED");
        assertThat(tired.result().detail()).contains("it was run 3 times and each time a JVM died under it");
        assertThat(events).contains("retry a.FreshTest ISOLATED");
    }

    @Test
    void aTimedOutClassEndsAsATimeoutAndARerunOfFailedTestsKeepsItsFirstResults() throws Exception {
        WorkerHandle worker = deadWorker(Lane.ISOLATED, 137, "");
        ClassRun late = running("a.LateTest", worker, true);
        late.markTimedOut();

        recovery.workerDied(worker, List.of(late));

        assertThat(events).containsExactly("complete a.LateTest TIMEOUT");
        assertThat(late.result().detail()).contains("ran past the timeout of 5 s")
                .contains("before a thread dump was taken");
    }

    @Test
    void aJvmThatDiesRerunningFailedTestsLeavesTheClassWithTheResultsItHad() throws Exception {
        WorkerHandle first = deadWorker(Lane.SHARED, 0, "");
        ClassRun run = running("a.FlakyTest", first, true);
        run.add(new dev.isolane.core.model.TestResult("[test:1]", "t", "t", "a.FlakyTest",
                dev.isolane.core.model.TestStatus.FAILED, 1, "boom", "java.lang.AssertionError", "trace", "", ""));
        run.finished(2, "", "");
        assertThat(run.testsToRerun(1)).containsExactly("[test:1]");
        run.startRerun();
        WorkerHandle rerunJvm = deadWorker(Lane.ISOLATED, 1, "");
        run.assignTo(rerunJvm);

        recovery.workerDied(rerunJvm, List.of(run));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).startsWith("warn The JVM (pid ").contains("rerunning the failed tests of a.FlakyTest");
        assertThat(events.get(1)).isEqualTo("complete a.FlakyTest FAILED");
        assertThat(run.result().tests()).singleElement().satisfies(test -> assertThat(test.message()).isEqualTo("boom"));
    }

    @Test
    void outOfMemoryBesideOtherClassesEarnsAnAttemptAlone() throws Exception {
        WorkerHandle worker = deadWorker(Lane.SHARED, 0, "");
        ClassRun alone = running("a.AloneTest", worker, true);
        ClassRun crowded = running("a.CrowdedTest", worker, true);
        crowded.markHadCompany();

        assertThat(recovery.outOfMemory(alone, worker)).isFalse();
        assertThat(recovery.outOfMemory(crowded, worker)).isTrue();
        assertThat(events).last().isEqualTo("retry a.CrowdedTest ISOLATED");
    }

    @Test
    void classesWaitingForASharedJvmThatCannotStartEndCrashedWithItsOutput() throws Exception {
        WorkerHandle last = deadWorker(Lane.SHARED, 1, "Error: Could not find or load main class\n");
        ClassRun waiting = new ClassRun("a.WaitingTest", Lane.SHARED);

        recovery.sharedJvmUnstartable(last, List.of(waiting));

        assertThat(events).containsExactly("complete a.WaitingTest CRASHED");
        assertThat(waiting.result().outcome()).isEqualTo(ClassOutcome.CRASHED);
        assertThat(waiting.result().detail()).contains("The shared JVM could not start")
                .contains("Could not find or load main class");
    }

    /**
     * A class that has begun in this worker, with a test running or not, as the worker thread's trace slot tells;
     * discovery planned that test and one more, which never started.
     */
    private static ClassRun running(String className, WorkerHandle worker, boolean withTestRunning)
            throws IOException {
        ClassRun run = new ClassRun(className, worker.lane());
        run.assignTo(worker);
        String thread = "isolane-" + worker.lane().label() + "-" + className.length();
        run.started(thread, System.currentTimeMillis());
        TraceSlot slot = TraceSlot.create(worker.scratch().resolve(className + ".trace"));
        slot.begin(className);
        TraceSlot.TestRef runs = new TraceSlot.TestRef("[test:" + className + "]", "runs()", "runs", className);
        slot.planned(runs);
        slot.planned(new TraceSlot.TestRef("[test:" + className + "/later]", "later()", "later", className));
        if (withTestRunning) {
            slot.started(runs);
        }
        slot.output(("output of " + className + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), 0,
                ("output of " + className + "\n").length());
        return run;
    }

    /** A worker whose real process has ended with this code, having written this to its log. */
    private WorkerHandle deadWorker(Lane lane, int exitCode, String log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", "exit 0").start();
        processes.add(process);
        process.waitFor();
        Path logFile = Files.writeString(Files.createTempFile(dir, "worker", ".log"), log);
        Path scratch = Files.createTempDirectory(dir, "scratch");
        WorkerHandle worker = new WorkerHandle(lane.label() + "-1", lane, process, logFile, scratch, 1, false);
        worker.markExited(exitCode);
        return worker;
    }
}
