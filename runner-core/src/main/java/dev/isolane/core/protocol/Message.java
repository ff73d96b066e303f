package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.TestClass;
import dev.isolane.core.model.TestResult;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Every message that crosses the channel between the coordinator and a worker. {@link MessageCodec} writes each one
 * in a versioned envelope whose {@code type} names the record; nothing else is ever read from a worker.
 *
 * <p>Order on one channel: the worker sends {@link Hello} first; the coordinator answers {@link Configure}, then may
 * send {@link Discover} (answered by {@link Discovered}) and any number of {@link RunClass}; for each class the worker
 * sends {@link ClassStarted}, then, for a class long enough to need them, {@link TestsFinished} batches of its results,
 * and one {@link ClassFinished} with the rest of them, its output, the state it touched and, when they changed, the
 * JVM's system properties. A short class is two messages. {@link Shutdown} ends the worker.
 *
 * <p>Faults: {@link ExitIntercepted} reports an exit the worker's agent stopped; {@link DumpThreads} (answered by
 * {@link ThreadDump}) serves timeouts; {@link WorkerExiting} is a dying worker's last word on who made it exit.
 *
 * <p>A JVM that a plain JUnit launch forked for an {@code @IsolatedProcess} class (the junit-extension) is sent
 * {@link RunNodes} instead; the worker streams every test plan event as it happens ({@link NodeRegistered}, {@link
 * NodeStarted}, {@link NodeSkipped}, {@link NodeFinished}, {@link NodeReported}, {@link NodeFile}), what the tests
 * print ({@link Output}), and ends with {@link NodesDone}. {@link DumpThreads} may come at any time and is answered
 * with a {@link ThreadDump}.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface Message {

    /** The first message of a worker: proves it belongs to this run and says who it is. */
    record Hello(String secret, String workerId, long pid, String javaVersion) implements Message {}

    /**
     * Coordinator says which tests of a class run and how JUnit is configured; sent to every worker right after
     * {@link Hello}, before anything else.
     *
     * @param testFilter     the {@code -Dtest} value, whose method parts ({@code FooTest#bar*}) the worker applies
     * @param includeTags    JUnit tag expressions a test must match (any); empty for all
     * @param excludeTags    JUnit tag expressions a test must not match
     * @param includeEngines ids of the engines that run; empty for all
     * @param excludeEngines ids of the engines that do not run
     * @param configurationParameters JUnit configuration parameters for every discovery and run
     * @param defaultParameters configuration parameters that apply only where neither {@code configurationParameters}
     *                       nor the project's own configuration ({@code junit-platform.properties}, system properties)
     *                       sets them: the method orderers of {@code runOrder}
     * @param sendSystemProperties whether each class's {@link ClassFinished} carries the JVM's system properties
     * @param keepChildProcesses whether processes a class leaves running live on until the worker exits, rather than
     *                       being ended with their class
     */
    record Configure(String testFilter, List<String> includeTags, List<String> excludeTags,
            List<String> includeEngines, List<String> excludeEngines, Map<String, String> configurationParameters,
            Map<String, String> defaultParameters, boolean sendSystemProperties, boolean keepChildProcesses)
            implements Message {
        public Configure {
            includeTags = includeTags == null ? List.of() : List.copyOf(includeTags);
            excludeTags = excludeTags == null ? List.of() : List.copyOf(excludeTags);
            includeEngines = includeEngines == null ? List.of() : List.copyOf(includeEngines);
            excludeEngines = excludeEngines == null ? List.of() : List.copyOf(excludeEngines);
            configurationParameters = configurationParameters == null ? Map.of() : Map.copyOf(configurationParameters);
            defaultParameters = defaultParameters == null ? Map.of() : Map.copyOf(defaultParameters);
        }

        /** Only the test filter and tags; every engine, JUnit's own configuration, no system properties. */
        public Configure(String testFilter, List<String> includeTags, List<String> excludeTags) {
            this(testFilter, includeTags, excludeTags, List.of(), List.of(), Map.of(), Map.of(), false, false);
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

    /**
     * Results of a running class, in batches: when enough have gathered or enough time has passed, and the last before
     * {@link ClassFinished}. What a batch not yet sent would have said survives a crash in the worker's
     * {@link TraceSlot}.
     */
    record TestsFinished(String className, List<TestResult> results) implements Message {
        public TestsFinished {
            results = List.copyOf(results);
        }
    }

    /**
     * A class has finished: the last of its results, its captured output, what it did to the shared JVM and the JVM's
     * system properties travel with this message, so that a short class costs two messages (this and its {@link
     * ClassStarted}) rather than one per kind of news. A class whose results could not all be sent never sends it:
     * the coordinator then reads them from the thread's {@link TraceSlot}.
     *
     * @param className        the class
     * @param endMillis        when it ended
     * @param stdout           what it printed to {@code System.out} outside its tests' own output
     * @param stderr           the same for {@code System.err}
     * @param results          its results not yet sent in a {@link TestsFinished}, in the order they finished
     * @param state            the state it read and changed in the shared JVM, or null when detection is off
     * @param systemProperties the JVM's system properties as the class ended, for the {@code <properties>} of its
     *                         XML as Surefire writes them, when {@link Configure} asked for them and they differ from
     *                         the last ones this JVM sent; null otherwise: the class has the last ones its JVM sent
     */
    record ClassFinished(String className, long endMillis, String stdout, String stderr, List<TestResult> results,
            ClassState state, Map<String, String> systemProperties) implements Message {
        public ClassFinished {
            results = results == null ? List.of() : List.copyOf(results);
            systemProperties = systemProperties == null ? null : Map.copyOf(systemProperties);
        }

        /** Only the output: every result went before, no detection, system properties unchanged. */
        public ClassFinished(String className, long endMillis, String stdout, String stderr) {
            this(className, endMillis, stdout, stderr, List.of(), null, null);
        }
    }

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
     * @param during     the tests of the class running at that moment ({@code test exits()}), or null
     */
    record ExitIntercepted(String className, String call, int status, String thread, String stackTrace,
            String during) implements Message {}

    /**
     * Sent from a shutdown hook when the JVM is exiting although the coordinator did not ask it to.
     *
     * @param thread     the thread that called exit, or null when a signal ended the JVM
     * @param className  the class that thread ran, when it is one of the worker's own threads, else null
     * @param stackTrace that thread's stack, or null
     */
    record WorkerExiting(String thread, String className, String stackTrace) implements Message {}

    /**
     * Processes a test class started and left running, found when the class ended (or the worker exited), and what
     * became of them.
     *
     * @param suspects     the classes that were running when the processes started: one when the blame is certain
     * @param commandLines each process, {@code <command line> (pid N)}
     * @param ended        whether the worker ended them (false when {@code keepChildProcesses} keeps them)
     */
    record ProcessesLeft(List<String> suspects, List<String> commandLines, boolean ended) implements Message {
        public ProcessesLeft {
            suspects = List.copyOf(suspects);
            commandLines = List.copyOf(commandLines);
        }
    }

    /** The worker itself failed (not a test): the coordinator reports it and ends the worker. */
    record WorkerFailure(String message, String stackTrace) implements Message {}

    /**
     * Run these test plan nodes (by JUnit unique id) with these configuration parameters, streaming every event.
     *
     * @param className the class the nodes belong to; its output is attributed to it
     */
    record RunNodes(String className, List<String> uniqueIds, Map<String, String> configuration) implements Message {
        public RunNodes {
            uniqueIds = List.copyOf(uniqueIds);
            configuration = Map.copyOf(configuration);
        }
    }

    /** A node the worker's engines registered while running (a parameterized invocation, a dynamic test). */
    record NodeRegistered(NodeInfo node) implements Message {}

    /** A node has started. */
    record NodeStarted(String uniqueId) implements Message {}

    /** A node was skipped without starting. */
    record NodeSkipped(String uniqueId, String reason) implements Message {}

    /** A node has finished; {@code failure} is null when it succeeded or ended without a throwable. */
    record NodeFinished(String uniqueId, NodeOutcome outcome, FailureInfo failure) implements Message {}

    /** A node published a report entry (JUnit's {@code TestReporter}). */
    record NodeReported(String uniqueId, Map<String, String> entries) implements Message {
        public NodeReported {
            entries = Map.copyOf(entries);
        }
    }

    /** A node published a file (JUnit's {@code TestReporter.publishFile}); the path is on the shared file system. */
    record NodeFile(String uniqueId, String path, String mediaType) implements Message {}

    /** What the running tests printed, in order with the node events, so it lands beside the right test. */
    record Output(boolean stderr, String text) implements Message {}

    /** The run asked for by {@link RunNodes} is over; {@code failure} is set when the Platform itself failed. */
    record NodesDone(FailureInfo failure) implements Message {}

    /** Ask a worker for the stacks of all its threads, to explain a class that takes too long. */
    record DumpThreads() implements Message {}

    /** The answer to {@link DumpThreads}: every thread with its whole stack and its locks, deadlocks first. */
    record ThreadDump(String text) implements Message {}
}
