package dev.isolane.core.worker;

import dev.isolane.core.protocol.Message;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A shutdown hook that tells the coordinator who is ending the JVM when the coordinator did not ask for it: an exit
 * the agent could not stop (a call through reflection, say) or a termination signal. The thread that called exit is
 * waiting inside {@code java.lang.Shutdown.exit} for the hooks to finish, so its stack is there to read.
 */
final class ExitWitness {

    private volatile boolean expected;

    private ExitWitness() {}

    static ExitWitness install(Consumer<Message> out) {
        ExitWitness witness = new ExitWitness();
        Thread hook = new Thread(() -> {
            if (!witness.expected) {
                out.accept(lastWord());
            }
        }, "isolane-exit-witness");
        Runtime.getRuntime().addShutdownHook(hook);
        return witness;
    }

    /** The worker itself is exiting, as the coordinator asked; nothing to report. */
    void exitRequested() {
        expected = true;
    }

    static Message.WorkerExiting lastWord() {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] frames = entry.getValue();
            if (!calls(frames, "java.lang.Shutdown", "exit") || calls(frames, "jdk.internal.misc.Signal", null)) {
                continue;
            }
            Thread thread = entry.getKey();
            StringBuilder trace = new StringBuilder();
            boolean callerReached = false;
            for (StackTraceElement frame : frames) {
                // Skip the JDK's own frames on top (waiting for this hook); start at System.exit or Runtime.exit.
                callerReached |= frame.getClassName().equals("java.lang.System")
                        || frame.getClassName().equals("java.lang.Runtime");
                if (callerReached) {
                    trace.append("\tat ").append(frame).append('\n');
                }
            }
            return new Message.WorkerExiting(thread.getName(), RunnerThreads.classOf(thread), trace.toString());
        }
        return new Message.WorkerExiting(null, null, null);
    }

    private static boolean calls(StackTraceElement[] frames, String className, String method) {
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().equals(className) && (method == null || frame.getMethodName().equals(method))) {
                return true;
            }
        }
        return false;
    }
}
