package dev.isolane.core.coordinator;

import dev.isolane.core.model.Lane;
import dev.isolane.core.protocol.Message;
import java.time.Duration;
import java.util.List;

/**
 * The words a report uses for a class that ended abnormally. The first line is the summary (the console's error
 * line, the XML's message attribute); what follows is the evidence: stacks, thread dumps, last output.
 */
final class FaultText {

    /** What the report quotes of a class's or a JVM's last output. */
    private static final int OUTPUT_CHARS = 4096;

    private FaultText() {}

    static String summary(String detail) {
        int newline = detail.indexOf('\n');
        return newline < 0 ? detail : detail.substring(0, newline);
    }

    static String exitStopped(ClassRun run, Message.ExitIntercepted exit, String during, String stdout,
            String stderr) {
        StringBuilder text = new StringBuilder()
                .append(run.className()).append(" called ").append(exit.call()).append('(').append(exit.status())
                .append(") on thread ").append(exit.thread()).append(during == null ? "" : ", in " + during)
                .append("; Isolane stopped the call, so its ").append(run.lane().label())
                .append(" JVM and every class beside it carried on.\n")
                .append(callerFrames(exit.stackTrace())).append('\n');
        output(text, "Its last output", last(stdout + stderr));
        return text.toString();
    }

    /** Processes classes started and left running: who, which, and what became of them. */
    static String processesLeft(Message.ProcessesLeft left, boolean kept) {
        String who = left.suspects().isEmpty() ? "A thread that worked for no running class"
                : left.suspects().size() == 1 ? left.suspects().get(0)
                : "One of " + String.join(", ", left.suspects()) + " (they ran at the same time)";
        int count = left.commandLines().size();
        String fate = kept ? "kept them until the run ended (keepChildProcesses), then ended them"
                : "ended " + (count == 1 ? "it" : "them") + "; set keepChildProcesses=true to keep a process a test"
                        + " starts on purpose until the run ends";
        return who + " left " + count + " process" + (count == 1 ? "" : "es") + " running, and Isolane " + fate
                + ":\n  " + String.join("\n  ", left.commandLines());
    }

    /** An exit the agent stopped on a thread that works for no running class. */
    static String strayExitStopped(Message.ExitIntercepted exit, WorkerHandle worker) {
        return "A thread (" + exit.thread() + ") that works for no running class called " + exit.call() + "("
                + exit.status() + ") in the " + worker.lane().label() + " JVM (pid " + worker.pid() + ")"
                + (exit.className() == null ? "" : ", left behind by " + exit.className())
                + "; Isolane stopped it.\n" + exit.stackTrace();
    }

    /**
     * A class that was in a JVM when it died.
     *
     * @param blamed whether the evidence points at this class; when false the JVM died beside it and Isolane ran out
     *               of attempts to run it elsewhere
     */
    static String crashed(ClassRun run, WorkerHandle worker, Crash crash, boolean blamed, String classOutput) {
        StringBuilder text = new StringBuilder().append("The ").append(worker.lane().label()).append(" JVM (pid ")
                .append(worker.pid()).append(") ").append(crash.how()).append(" while ").append(run.className())
                .append(" ran").append(run.hasRunningTests() ? " (" + run.runningTestNames() + ")" : "");
        if (blamed && crash.evidence() != null) {
            text.append(worker.lane() == Lane.SHARED ? "; it is to blame: " : "; ").append(crash.evidence());
        } else if (!blamed) {
            text.append(", beside other classes; it was run ").append(run.attempts())
                    .append(" times and each time a JVM died under it");
        }
        text.append('.');
        if (run.retryReason() != null) {
            text.append("\nIt was running again because ").append(run.retryReason()).append('.');
        }
        text.append('\n');
        output(text, "Last output of the class", last(classOutput));
        output(text, "Last output of the JVM (" + worker.logFile() + ")", last(crash.jvmOutput()));
        return text.toString();
    }

    /**
     * A class that ran past the timeout.
     *
     * @param fate what became of its JVM, completing "its thread dump was taken and ..."
     */
    static String timeout(ClassRun run, WorkerHandle worker, Duration timeout, String dump, String fate,
            String classOutput) {
        StringBuilder text = new StringBuilder().append(run.className()).append(" ran past the timeout of ")
                .append(timeout.toSeconds()).append(" s")
                .append(run.hasRunningTests() ? " (" + run.runningTestNames() + " was running)" : "")
                .append(" and was stopped: ").append(fate).append(".\n");
        if (dump == null) {
            text.append("No thread dump: the JVM (pid ").append(worker.pid()).append(") did not give one.\n");
            output(text, "Its last output", last(classOutput));
            return text.toString();
        }
        String own = ThreadDumpText.thread(dump, run.thread());
        String deadlock = ThreadDumpText.deadlockOf(dump, run.className(), run.thread());
        if (deadlock != null) {
            text.append(deadlock).append('\n');
        }
        if (own != null) {
            text.append("Its thread:\n").append(own).append('\n');
        }
        output(text, "Its last output", last(classOutput));
        return text.append('\n').append(dump.stripTrailing()).append('\n').toString();
    }

    /**
     * A stack trace up to where the test framework called in: the frames that are the user's own. The test's entry
     * in the report keeps the whole trace.
     */
    static String callerFrames(String stackTrace) {
        List<String> lines = List.of(stackTrace.stripTrailing().split("\\R"));
        int cut = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (frameOf(lines.get(i)).startsWith("at org.junit.")) {
                cut = i;
                break;
            }
        }
        // The reflection frames just above JUnit's are how it called the test method.
        while (cut > 1 && isReflection(lines.get(cut - 1))) {
            cut--;
        }
        String kept = String.join("\n", lines.subList(0, cut));
        return cut < lines.size() ? kept + "\n\t..." : kept;
    }

    /** A frame without the class loader or module prefix a thread's stack shows ({@code app//}, {@code java.base@17/}). */
    private static String frameOf(String line) {
        return line.strip().replaceFirst("^at (?:[^/\\s]*/)+", "at ");
    }

    private static boolean isReflection(String line) {
        String frame = frameOf(line);
        return frame.startsWith("at ") && (frame.contains("jdk.internal.reflect.")
                || frame.contains("java.lang.reflect.Method.invoke"));
    }

    private static void output(StringBuilder text, String title, String output) {
        if (!output.isBlank()) {
            text.append(title).append(":\n").append(output.stripTrailing()).append('\n');
        }
    }

    /** The end of an output, from a line start when there is one near the cut. */
    static String last(String output) {
        if (output == null || output.length() <= OUTPUT_CHARS) {
            return output == null ? "" : output;
        }
        String end = output.substring(output.length() - OUTPUT_CHARS);
        int newline = end.indexOf('\n');
        return "[...]\n" + (newline >= 0 && newline < 200 ? end.substring(newline + 1) : end);
    }
}
