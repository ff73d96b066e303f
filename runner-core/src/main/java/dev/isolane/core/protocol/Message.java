package dev.isolane.core.protocol;

import dev.isolane.core.model.TestClass;
import dev.isolane.core.model.TestResult;
import java.util.List;

/**
 * Every message that crosses the channel between the coordinator and a worker. {@link MessageCodec} writes each one
 * in a versioned envelope whose {@code type} names the record; nothing else is ever read from a worker.
 *
 * <p>Order on one channel: the worker sends {@link Hello} first; the coordinator answers {@link Configure}, then may
 * send {@link Discover}
 * (answered by {@link Discovered}) and any number of {@link RunClass}; for each class the worker sends {@link
 * ClassStarted}, zero or more {@link TestFinished} and one {@link ClassFinished}. {@link Shutdown} ends the worker.
 */
public sealed interface Message {

    /** The first message of a worker: proves it belongs to this run and says who it is. */
    record Hello(String secret, String workerId, long pid, String javaVersion) implements Message {}

    /**
     * Coordinator says which tests of a class run; sent to every worker right after {@link Hello}, before anything
     * else.
     *
     * @param testFilter     the {@code -Dtest} value, whose method parts ({@code FooTest#bar*}) the worker applies
     * @param includeTags    JUnit tag expressions a test must match (any); empty for all
     * @param excludeTags    JUnit tag expressions a test must not match
     */
    record Configure(String testFilter, List<String> includeTags, List<String> excludeTags) implements Message {
        public Configure {
            includeTags = includeTags == null ? List.of() : List.copyOf(includeTags);
            excludeTags = excludeTags == null ? List.of() : List.copyOf(excludeTags);
        }
    }

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

    /**
     * Coordinator hands a class to a worker, which runs it as soon as it has a free thread.
     *
     * @param className the class
     * @param only      the JUnit unique ids to run (a rerun of failed tests); empty for the whole class
     */
    record RunClass(String className, List<String> only) implements Message {
        public RunClass {
            only = only == null ? List.of() : List.copyOf(only);
        }

        public RunClass(String className) {
            this(className, List.of());
        }
    }

    /** A worker thread has begun a class. */
    record ClassStarted(String className, String thread, long startMillis) implements Message {}

    /** One test of a running class has finished; sent as it happens so a crash loses nothing already done. */
    record TestFinished(String className, TestResult result) implements Message {}

    /** A class has finished; its captured output travels with this message. */
    record ClassFinished(String className, long endMillis, String stdout, String stderr) implements Message {}

    /** Coordinator tells a worker to exit. */
    record Shutdown() implements Message {}

    /** The worker itself failed (not a test): the coordinator reports it and ends the worker. */
    record WorkerFailure(String message, String stackTrace) implements Message {}
}
