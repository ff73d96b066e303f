package dev.isolane.core.protocol;

import dev.isolane.core.model.TestClass;
import dev.isolane.core.model.TestResult;
import java.util.List;

/**
 * Every message that crosses the channel between the coordinator and a worker. {@link MessageCodec} writes each one
 * in a versioned envelope whose {@code type} names the record; nothing else is ever read from a worker.
 *
 * <p>Order on one channel: the worker sends {@link Hello} first. The coordinator may then send {@link Discover}
 * (answered by {@link Discovered}) and any number of {@link RunClass}; for each class the worker sends {@link
 * ClassStarted}, then for each test {@link TestStarted} and {@link TestFinished}, and one {@link ClassFinished}.
 * {@link Shutdown} ends the worker.
 *
 * <p>Faults: {@link ExitIntercepted} reports an exit the worker's agent stopped; {@link DumpThreads} (answered by
 * {@link ThreadDump}) serves timeouts; {@link WorkerExiting} is a dying worker's last word on who made it exit.
 */
public sealed interface Message {

    /** The first message of a worker: proves it belongs to this run and says who it is. */
    record Hello(String secret, String workerId, long pid, String javaVersion) implements Message {}

    /** Coordinator asks which of these classes hold tests, and which of those are isolated. */
    record Discover(List<String> classNames) implements Message {
        public Discover {
            classNames = List.copyOf(classNames);
        }
    }

    /** The worker's answer to {@link Discover}; {@code problems} lists classes JUnit could not discover. */
    record Discovered(List<TestClass> classes, List<String> problems) implements Message {
        public Discovered {
            classes = List.copyOf(classes);
            problems = List.copyOf(problems);
        }
    }

    /** Coordinator hands a class to a worker, which runs it as soon as it has a free thread. */
    record RunClass(String className) implements Message {}

    /** A worker thread has begun a class. */
    record ClassStarted(String className, String thread, long startMillis) implements Message {}

    /** One test of a running class has begun; if the JVM dies now, the coordinator knows which test was running. */
    record TestStarted(String className, String uniqueId, String displayName, String reportName,
            String reportClass) implements Message {}

    /** One test of a running class has finished; sent as it happens so a crash loses nothing already done. */
    record TestFinished(String className, TestResult result) implements Message {}

    /** A class has finished; its captured output travels with this message. */
    record ClassFinished(String className, long endMillis, String stdout, String stderr) implements Message {}

    /** Coordinator tells a worker to exit. */
    record Shutdown() implements Message {}

    /**
     * Test code called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} and the agent stopped it.
     *
     * @param className  the class the calling thread works for, or null when it works for none
     * @param call       what was called, such as {@code System.exit}
     * @param status     the exit status it asked for
     * @param thread     the calling thread
     * @param stackTrace where it was called from
     */
    record ExitIntercepted(String className, String call, int status, String thread, String stackTrace)
            implements Message {}

    /** Coordinator asks for a thread dump of the worker's JVM, because a class in it ran past the timeout. */
    record DumpThreads() implements Message {}

    /** The worker's answer to {@link DumpThreads}: every thread, deadlocks first, in jstack's style. */
    record ThreadDump(String text) implements Message {}

    /**
     * Sent from a shutdown hook when the JVM is exiting although the coordinator did not ask it to.
     *
     * @param thread     the thread that called exit, or null when a signal ended the JVM
     * @param className  the class that thread ran, when it is one of the worker's own threads, else null
     * @param stackTrace that thread's stack, or null
     */
    record WorkerExiting(String thread, String className, String stackTrace) implements Message {}

    /** The worker itself failed (not a test): the coordinator reports it and ends the worker. */
    record WorkerFailure(String message, String stackTrace) implements Message {}
}
