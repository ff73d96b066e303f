package dev.isolane.core.coordinator;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.util.ArrayList;
import java.util.List;

/** The coordinator's mutable record of one class while the run goes on; it becomes a {@link ClassResult}. */
final class ClassRun {

    private final String className;
    private final Lane lane;
    private List<TestResult> tests = new ArrayList<>();
    private final List<TestResult> rerunTests = new ArrayList<>();
    private WorkerHandle worker;
    private String thread = "";
    private long startMillis;
    private long endMillis;
    private String stdout = "";
    private String stderr = "";
    private int reruns;
    private boolean rerunning;
    private ClassResult result;

    ClassRun(String className, Lane lane) {
        this.className = className;
        this.lane = lane;
    }

    void assignTo(WorkerHandle worker) {
        if (!rerunning) {
            this.worker = worker;
            this.startMillis = System.currentTimeMillis();
        }
    }

    void started(String thread, long startMillis) {
        if (!rerunning) {
            this.thread = thread;
            this.startMillis = startMillis;
        }
    }

    void add(TestResult test) {
        (rerunning ? rerunTests : tests).add(test);
    }

    /** The class ran through; unless a rerun follows ({@link #startRerun}), {@link #complete} makes it final. */
    void finished(long endMillis, String stdout, String stderr) {
        if (rerunning) {
            tests = Reruns.merge(tests, rerunTests);
            rerunTests.clear();
            rerunning = false;
            return;
        }
        this.endMillis = endMillis;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The unique ids of the tests that failed and can run again on their own, if {@code maxReruns} allows. */
    List<String> testsToRerun(int maxReruns) {
        return reruns < maxReruns ? Reruns.failedIds(tests) : List.of();
    }

    void startRerun() {
        reruns++;
        rerunning = true;
        rerunTests.clear();
    }

    boolean isRerunning() {
        return rerunning;
    }

    /** A rerun's JVM died: the tests keep the results they had, and the class is done. */
    void rerunLost() {
        rerunning = false;
        rerunTests.clear();
    }

    void complete() {
        result = build(ClassResult.outcomeOf(tests), stdout, stderr, null);
    }

    /**
     * End the class abnormally. Tests that finished keep their results; one error entry records what happened, so
     * the totals, the XML and the console all count it.
     */
    void endAbnormally(ClassOutcome outcome, String detail) {
        endMillis = System.currentTimeMillis();
        tests.add(TestResult.classLevelError(className, outcome.label(), detail,
                "dev.isolane." + (outcome == ClassOutcome.TIMEOUT ? "ClassTimeout" : "WorkerCrash"), detail));
        result = build(outcome, "", "", detail);
    }

    /** The class never ran because the run stopped early; it is reported skipped, with the reason. */
    void skip(String reason) {
        startMillis = System.currentTimeMillis();
        endMillis = startMillis;
        tests.add(new TestResult("[isolane:skipped]/[class:" + className + "]", className, "", className,
                TestStatus.SKIPPED, 0, reason, null, null, "", ""));
        result = build(ClassOutcome.SKIPPED, "", "", reason);
    }

    private ClassResult build(ClassOutcome outcome, String out, String err, String detail) {
        long pid = worker == null ? -1 : worker.pid();
        return new ClassResult(className, lane, pid, thread, startMillis, Math.max(startMillis, endMillis), outcome,
                tests, out, err, detail);
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

    boolean isDone() {
        return result != null;
    }

    ClassResult result() {
        return result;
    }
}
