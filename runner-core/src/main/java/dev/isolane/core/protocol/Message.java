package dev.isolane.core.protocol;

import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.TestClass;
import dev.isolane.core.model.TestResult;
import java.util.List;

/**
 * Every message that crosses the channel between the coordinator and a worker. {@link MessageCodec} writes each one
 * in a versioned envelope whose {@code type} names the record; nothing else is ever read from a worker.
 *
 * <p>Order on one channel: the worker sends {@link Hello} first. The coordinator may then send {@link Discover}
 * (answered by {@link Discovered}) and any number of {@link RunClass}; for each class the worker sends {@link
 * ClassStarted}, zero or more {@link TestFinished}, with detection on one {@link StateObserved}, and one
 * {@link ClassFinished}. {@link Shutdown} ends the worker.
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

    /** One test of a running class has finished; sent as it happens so a crash loses nothing already done. */
    record TestFinished(String className, TestResult result) implements Message {}

    /** The state a class touched in the shared JVM (with detection on); sent just before its {@link ClassFinished}. */
    record StateObserved(ClassState state) implements Message {}

    /** A class has finished; its captured output travels with this message. */
    record ClassFinished(String className, long endMillis, String stdout, String stderr) implements Message {}

    /** Coordinator tells a worker to exit. */
    record Shutdown() implements Message {}

    /** The worker itself failed (not a test): the coordinator reports it and ends the worker. */
    record WorkerFailure(String message, String stackTrace) implements Message {}
}
