package dev.isolane.core.coordinator;

import dev.isolane.core.agent.ExitInterceptedError;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.protocol.Message;
import dev.isolane.core.protocol.TraceSlot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The coordinator's mutable record of one class while the run goes on; it becomes a {@link ClassResult}. */
final class ClassRun {

    private final String className;
    private Lane lane;
    private final List<TestResult> tests = new ArrayList<>();
    /**
     * What the worker thread's trace slot said of this class once it ended abnormally: the tests a crash or a timeout
     * interrupted, those whose results had not been sent yet, those that never started. None before then.
     */
    private TraceSlot.Evidence evidence = TraceSlot.Evidence.NONE;
    private WorkerHandle worker;
    private String thread = "";
    private long startMillis;
    private long endMillis;
    private long startedNanos = -1;
    private boolean timedOut;
    private boolean stallShown;
    private boolean hadCompany;
    private int attempts;
    private String retryReason;
    private Message.ExitIntercepted exitStopped;
    private String exitStoppedDuring;
    private final FailedTestReruns rerun = new FailedTestReruns();
    /** The JVM of the class's own run, which the report names; a rerun's JVM is only where the rerun ran. */
    private WorkerHandle reportedWorker;
    private String stdout = "";
    private String stderr = "";
    private Map<String, String> systemProperties = Map.of();
    private ClassResult result;

    ClassRun(String className, Lane lane) {
        this.className = className;
        this.lane = lane;
    }

    void assignTo(WorkerHandle worker) {
        this.worker = worker;
        if (rerun.isRunning()) {
            return; // the report keeps the first run's JVM, thread and times
        }
        this.reportedWorker = worker;
        this.startMillis = System.currentTimeMillis();
        attempts++;
    }

    void started(String thread, long startMillis) {
        if (rerun.isRunning()) {
            this.startedNanos = System.nanoTime(); // a rerun has the class's timeout too
            return;
        }
        this.thread = thread;
        this.startMillis = startMillis;
        this.startedNanos = System.nanoTime();
    }

    void add(TestResult test) {
        if (rerun.isRunning()) {
            rerun.add(test);
        } else {
            tests.add(test);
        }
    }

    /** The agent stopped an exit on a thread of this class; the first one is what the report tells. */
    void exitStopped(Message.ExitIntercepted exit) {
        if (exitStopped == null) {
            exitStopped = exit;
            exitStoppedDuring = exit.during();
        }
    }

    /** The worker JVM's system properties as the class finished; a rerun's JVM is not the one the report names. */
    void systemProperties(Map<String, String> properties) {
        if (!rerun.isRunning()) {
            systemProperties = properties;
        }
    }

    void finished(long endMillis, String stdout, String stderr) {
        if (rerun.isRunning()) {
            List<TestResult> merged = rerun.finish(tests);
            tests.clear();
            tests.addAll(merged);
            endRerun();
            return;
        }
        this.stdout = stdout;
        this.stderr = stderr;
        this.endMillis = endMillis;
        if (exitStopped == null) {
            result = build(ClassResult.outcomeOf(tests), stdout, stderr, null);
            return;
        }
        String detail = FaultText.exitStopped(this, exitStopped, exitStoppedDuring, stdout, stderr);
        boolean testFailedWithIt = tests.stream()
                .anyMatch(test -> ExitInterceptedError.class.getName().equals(test.failureType()));
        if (!testFailedWithIt) {
            // The exit happened off the tests' own threads, or the test caught the error: the class still fails.
            tests.add(TestResult.classLevelError(className, ClassOutcome.CRASHED.label(), FaultText.summary(detail),
                    ExitInterceptedError.class.getName(), detail));
        }
        result = build(ClassOutcome.CRASHED, stdout, stderr, detail);
    }

    /**
     * Read what the class's worker thread left in its trace slot, before the class is ended abnormally or its fault
     * described. Only a first run's evidence counts: a rerun of failed tests keeps the first run's results.
     */
    void gatherEvidence() {
        if (worker != null && !rerun.isRunning()) {
            evidence = TraceSlot.find(worker.scratch(), className);
        }
    }

    /** What {@link #gatherEvidence} found: its last output, and which tests ran. */
    TraceSlot.Evidence evidence() {
        return evidence;
    }

    /**
     * End the class abnormally. Tests that finished keep their results, those whose results the JVM had not sent
     * yet among them (as its trace slot recorded them); the tests that were running get the error, or, when none was,
     * one class-level entry records it, so the totals, the XML and the console all count it; tests discovery planned
     * that never started get an error saying so.
     */
    void endAbnormally(ClassOutcome outcome, String detail) {
        if (rerun.isRunning()) {
            // The rerun's own tests are not the class's results; the first run's stand, with this error.
            rerun.abandon();
            evidence = TraceSlot.Evidence.NONE;
        }
        endMillis = System.currentTimeMillis();
        String type = "dev.isolane." + (outcome == ClassOutcome.TIMEOUT ? "ClassTimeout" : "WorkerCrash");
        String summary = FaultText.summary(detail);
        Set<String> reported = new HashSet<>();
        tests.forEach(test -> reported.add(test.uniqueId()));
        for (TraceSlot.FinishedTest finished : evidence.finished()) {
            if (reported.add(finished.test().uniqueId())) {
                tests.add(fromEvidence(finished.test(), finished.status(), 0, finished.status() == TestStatus.PASSED
                        || finished.status() == TestStatus.SKIPPED ? null : "Its failure's details were lost: "
                        + summary, null, null));
            }
        }
        List<TraceSlot.TestRef> interrupted = evidence.running().stream()
                .filter(test -> !reported.contains(test.uniqueId())).toList();
        if (interrupted.isEmpty()) {
            tests.add(TestResult.classLevelError(className, outcome.label(), summary, type, detail));
        }
        long millis = startedNanos < 0 ? 0 : Math.max(0, (System.nanoTime() - startedNanos) / 1_000_000);
        for (TraceSlot.TestRef test : interrupted) {
            reported.add(test.uniqueId());
            tests.add(fromEvidence(test, TestStatus.ERROR, millis, summary, type, detail));
        }
        for (TraceSlot.TestRef test : evidence.planned()) {
            if (reported.add(test.uniqueId())) {
                tests.add(fromEvidence(test, TestStatus.ERROR, 0, "Not run: " + summary, "dev.isolane.NotRun", detail));
            }
        }
        result = build(outcome, "", "", detail);
    }

    private static TestResult fromEvidence(TraceSlot.TestRef test, TestStatus status, long millis, String message,
            String type, String detail) {
        return new TestResult(test.uniqueId(), test.displayName(), test.reportName(), test.reportClass(), status,
                millis, message, type, detail, "", "");
    }

    /**
     * The unique ids of the failed tests to run again in a fresh JVM, while {@code maxReruns} allows; none for a
     * class that crashed or timed out.
     */
    List<String> testsToRerun(int maxReruns) {
        return result == null ? List.of() : rerun.wanted(result.outcome(), tests, maxReruns);
    }

    /** The failed tests go again; the class is not done until the rerun is. */
    void startRerun() {
        rerun.start();
        startedNanos = -1;
        timedOut = false;
        result = null;
    }

    boolean isRerunningFailures() {
        return rerun.isRunning();
    }

    /** What a rerun runs: the tests still failing. */
    List<String> rerunIds() {
        return FailedTestReruns.failedIds(tests);
    }

    /** A rerun's JVM died: the tests keep the results they had, and the class is done. */
    void rerunLost() {
        rerun.abandon();
        endRerun();
    }

    private void endRerun() {
        result = build(ClassResult.outcomeOf(tests), stdout, stderr, null);
    }

    /** The class never ran because the run stopped early; it is reported skipped, with the reason. */
    void skip(String reason) {
        startMillis = System.currentTimeMillis();
        endMillis = startMillis;
        tests.add(new TestResult("[isolane:skipped]/[class:" + className + "]", className, "", className,
                TestStatus.SKIPPED, 0, reason, null, null, "", ""));
        result = build(ClassOutcome.SKIPPED, "", "", reason);
    }

    /**
     * Forget this attempt: the class runs again from the start, in the given lane, because a JVM died under it. Not
     * to be confused with a rerun of failed tests ({@link FailedTestReruns}).
     */
    void retry(Lane lane, String reason) {
        this.lane = lane;
        this.retryReason = reason;
        tests.clear();
        evidence = TraceSlot.Evidence.NONE;
        worker = null;
        reportedWorker = null;
        thread = "";
        startedNanos = -1;
        timedOut = false;
        hadCompany = false;
        exitStopped = null;
        exitStoppedDuring = null;
        result = null;
    }

    private ClassResult build(ClassOutcome outcome, String stdout, String stderr, String detail) {
        WorkerHandle shown = reportedWorker != null ? reportedWorker : worker;
        long pid = shown == null ? -1 : shown.pid();
        // An isolated JVM's start-up, for the report's timeline: from its launch until it said hello.
        boolean isolated = lane == Lane.ISOLATED && shown != null && shown.readyMillis() > 0;
        long jvmStart = isolated ? Math.min(shown.launchedMillis(), startMillis) : 0;
        long jvmReady = isolated ? Math.max(jvmStart, Math.min(shown.readyMillis(), startMillis)) : 0;
        return new ClassResult(className, lane, pid, thread, startMillis, Math.max(startMillis, endMillis), outcome,
                tests, stdout, stderr, detail, systemProperties, jvmStart, jvmReady);
    }

    /** Whether a test of this class ran out of memory; in a shared heap it may not be the one that used it up. */
    boolean ranOutOfMemory() {
        return tests.stream().anyMatch(test -> OutOfMemoryError.class.getName().equals(test.failureType()));
    }

    /** Another class ran in the same JVM at some time while this one did. */
    void markHadCompany() {
        hadCompany = true;
    }

    boolean hadCompany() {
        return hadCompany;
    }

    /** How long the class has been running, from the moment its worker began it; 0 before it began. */
    long runningNanos(long now) {
        return startedNanos < 0 ? 0 : now - startedNanos;
    }

    /** Whether the console was shown this class's stack for running far longer than usual. */
    boolean isStallShown() {
        return stallShown;
    }

    void markStallShown() {
        stallShown = true;
    }

    void markTimedOut() {
        timedOut = true;
    }

    boolean isTimedOut() {
        return timedOut;
    }

    /** Whether the evidence shows a test running (gathered by {@link #gatherEvidence}). */
    boolean hasRunningTests() {
        return !evidence.running().isEmpty();
    }

    /** The display names of the running tests, for messages: {@code test hangs()}. */
    String runningTestNames() {
        List<TraceSlot.TestRef> running = evidence.running();
        return (running.size() == 1 ? "test " : "tests ")
                + running.stream().map(TraceSlot.TestRef::displayName).collect(Collectors.joining(", "));
    }

    String className() {
        return className;
    }

    Lane lane() {
        return lane;
    }

    WorkerHandle worker() {
        return worker;
    }

    String thread() {
        return thread;
    }

    int attempts() {
        return attempts;
    }

    /** Why this class is being retried, or null on its first attempt. */
    String retryReason() {
        return retryReason;
    }

    boolean isDone() {
        return result != null;
    }

    ClassResult result() {
        return result;
    }
}
