package dev.isolane.core.coordinator;

import dev.isolane.core.launch.WorkerProcesses;
import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a worker JVM died with classes in it, and which of them is to blame, as well as the evidence allows. In order:
 * the worker's last word (the stack of a thread that called exit in a way the agent could not stop), the thread the
 * JVM's own crash report names, the only class in the JVM, the only class with a test running. When none of these
 * settles it, or the shared worker's own machinery failed, there is no culprit, and the coordinator runs each class
 * alone to find out.
 *
 * @param how       how the JVM ended, completing "the JVM (pid 1) ...": "exited with code 5", ...
 * @param culprit   the class to blame, or null when the evidence does not single one out
 * @param evidence  why that class is blamed, or null
 * @param jvmOutput the last output of the JVM itself (its log file), which holds crash banners
 */
record Crash(String how, ClassRun culprit, String evidence, String jvmOutput) {

    private static final int JVM_OUTPUT_BYTES = 16 * 1024;
    private static final Pattern FRAME_CLASS = Pattern.compile("\\bat ([\\w$.]+)\\.[\\w$<>]+\\(");

    static Crash analyze(WorkerHandle worker, int exitCode, List<ClassRun> inFlight, Path workingDirectory) {
        String jvmOutput = worker.logTail(JVM_OUTPUT_BYTES);
        NativeCrash nativeCrash = NativeCrash.parse(jvmOutput, workingDirectory);
        Message.WorkerExiting lastWord = worker.lastWord();
        String how = describe(exitCode, nativeCrash, lastWord, worker.everConnected());

        if (lastWord != null && lastWord.thread() != null) {
            ClassRun caller = byName(inFlight, lastWord.className());
            if (caller == null) {
                caller = byThread(inFlight, lastWord.thread());
            }
            if (caller == null) {
                caller = byFrames(inFlight, lastWord.stackTrace());
            }
            if (caller != null) {
                // Only the shared JVM has the agent that stops exits; an isolated JVM's exit is simply its own.
                String unstopped = worker.lane() == Lane.SHARED ? " in a way the agent could not stop" : "";
                return new Crash(how, caller, "it called exit on thread " + lastWord.thread() + unstopped + ":\n"
                        + FaultText.callerFrames(lastWord.stackTrace()), jvmOutput);
            }
        }
        if (worker.failure() != null && worker.lane() == Lane.SHARED) {
            // Isolane's own machinery failed (an OutOfMemoryError that a class's heap use left behind, say), and the
            // coordinator ended the JVM: which class was running then says nothing about which one is to blame.
            return new Crash(how + " after the worker itself failed (" + worker.failure() + ")", null, null,
                    jvmOutput);
        }
        if (nativeCrash != null && nativeCrash.thread() != null) {
            ClassRun crashed = byThread(inFlight, nativeCrash.thread());
            if (crashed != null) {
                return new Crash(how, crashed, "the JVM crashed on its thread " + nativeCrash.thread(), jvmOutput);
            }
        }
        if (inFlight.size() == 1) {
            // In an isolated JVM that goes without saying.
            return new Crash(how, inFlight.get(0), worker.lane() == Lane.ISOLATED ? null
                    : "it was the only class in that JVM", jvmOutput);
        }
        List<ClassRun> testing = inFlight.stream().filter(ClassRun::hasRunningTests).toList();
        if (testing.size() == 1) {
            return new Crash(how, testing.get(0), "it was the only class with a test running ("
                    + testing.get(0).runningTestNames() + ")", jvmOutput);
        }
        return new Crash(how, null, null, jvmOutput);
    }

    static String describe(int exitCode, NativeCrash nativeCrash, Message.WorkerExiting lastWord, boolean connected) {
        String code = WorkerProcesses.describeExit(exitCode);
        if (nativeCrash != null) {
            return nativeCrash.describe() + " (" + code + ")";
        }
        if (!connected) {
            return code + " before it connected to the coordinator";
        }
        if (lastWord != null && lastWord.thread() == null) {
            return code + " after a termination signal";
        }
        return code;
    }

    /** The last output of a class, from its worker thread's trace slot; empty when there is none. */
    static String classOutput(ClassRun run) {
        return run.evidence().output().strip();
    }

    private static ClassRun byName(List<ClassRun> runs, String className) {
        return className == null ? null
                : runs.stream().filter(run -> run.className().equals(className)).findFirst().orElse(null);
    }

    private static ClassRun byThread(List<ClassRun> runs, String thread) {
        List<ClassRun> on = runs.stream().filter(run -> run.thread().equals(thread)).toList();
        return on.size() == 1 ? on.get(0) : null;
    }

    /** The in-flight class nearest the top of a stack: a frame of it, or of a nested or synthetic class of it. */
    static ClassRun byFrames(List<ClassRun> runs, String stackTrace) {
        if (stackTrace == null) {
            return null;
        }
        Matcher frame = FRAME_CLASS.matcher(stackTrace);
        while (frame.find()) {
            String className = frame.group(1);
            int dollar = className.indexOf('$');
            ClassRun run = byName(runs, dollar < 0 ? className : className.substring(0, dollar));
            if (run != null) {
                return run;
            }
        }
        return null;
    }
}
