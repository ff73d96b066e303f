package dev.isolane.core.coordinator;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import java.util.ArrayList;
import java.util.List;

/** The coordinator's mutable record of one class while the run goes on; it becomes a {@link ClassResult}. */
final class ClassRun {

    private final String className;
    private final Lane lane;
    private final List<TestResult> tests = new ArrayList<>();
    private WorkerHandle worker;
    private String thread = "";
    private long startMillis;
    private long endMillis;
    private ClassResult result;

    ClassRun(String className, Lane lane) {
        this.className = className;
        this.lane = lane;
    }

    void assignTo(WorkerHandle worker) {
        this.worker = worker;
        this.startMillis = System.currentTimeMillis();
    }

    void started(String thread, long startMillis) {
        this.thread = thread;
        this.startMillis = startMillis;
    }

    void add(TestResult test) {
        tests.add(test);
    }

    void finished(long endMillis, String stdout, String stderr) {
        this.endMillis = endMillis;
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

    private ClassResult build(ClassOutcome outcome, String stdout, String stderr, String detail) {
        long pid = worker == null ? -1 : worker.pid();
        return new ClassResult(className, lane, pid, thread, startMillis, Math.max(startMillis, endMillis), outcome,
                tests, stdout, stderr, detail);
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
