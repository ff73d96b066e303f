package dev.isolane.core.worker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.isolane.core.detect.Detector;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.protocol.Message;
import dev.isolane.core.protocol.OutputTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one test class through the JUnit Platform on the calling thread and reports it as it goes. */
final class ClassRunner {

    /**
     * Configuration parameter set in every request a worker makes; the junit-extension reads it to know that Isolane
     * already placed the class, so it must not fork again.
     */
    static final String LANE_PARAMETER = "isolane.worker.lane";

    /** Launchers are not documented as safe for concurrent executions, so each pool thread has its own. */
    private static final ThreadLocal<Launcher> LAUNCHER = ThreadLocal.withInitial(LauncherFactory::create);

    private final Consumer<Message> out;
    private final Lane lane;
    private final Path scratch;
    private final Supplier<RunFilters> filters;
    /** Null unless this JVM's agent turned violation detection on. */
    private final Detector detector = Detector.forThisJvm();

    /** @param scratch where each running class's last output is kept for the coordinator, or null for nowhere */
    ClassRunner(Consumer<Message> out, Lane lane, Path scratch, Supplier<RunFilters> filters) {
        this.filters = filters;
        this.out = out;
        this.lane = lane;
        this.scratch = scratch;
    }

    /** Create the calling thread's launcher now (it loads every engine), while an isolated JVM waits for its class. */
    static void prepareLauncher() {
        LAUNCHER.get();
    }

    /** Run a class, or only the tests with these unique ids (a rerun of the ones that failed). */
    void run(String className, List<String> only) {
        Path tailFile = scratch == null ? null : scratch.resolve(OutputTail.fileName(className));
        OutputTail tail = openTail(tailFile);
        ClassContext context = new ClassContext(className,
                tail == null ? null : (toErr, bytes, offset, length) -> tail.write(bytes, offset, length));
        context.enter();
        RunnerThreads.started(className);
        Object observed = detector == null ? null : detector.started(className);
        boolean delivered = false;
        try {
            out.accept(new Message.ClassStarted(className, Thread.currentThread().getName(),
                    System.currentTimeMillis()));
            ResultRecorder recorder = new ResultRecorder(context,
                    result -> out.accept(new Message.TestFinished(className, result)), out::accept);
            try {
                List<DiscoverySelector> selectors = only.isEmpty() ? List.of(selectClass(className))
                        : only.stream().<DiscoverySelector>map(id -> selectUniqueId(id)).toList();
                LAUNCHER.get().execute(filters.get().applyTo(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectors)
                        .configurationParameter(LANE_PARAMETER, lane.label()))
                        .build(), recorder);
            } catch (Throwable failure) {
                // JUnit lets an OutOfMemoryError through, ending the class: the tests it interrupted get the error.
                // Otherwise the platform itself failed (a broken engine, a class that cannot load).
                if (recorder.failRunning(failure) == 0) {
                    out.accept(new Message.TestFinished(className, runnerFailure(className, failure)));
                }
            }
            delivered = true;
        } finally {
            RunnerThreads.finished();
            ClassState state = observed == null ? null : detector.finished(observed);
            context.close();
            // A class whose results could not all be sent (an OutOfMemoryError while reporting) must not look
            // finished: the error goes on up, the worker ends, and the coordinator reports it from what it has.
            if (delivered) {
                if (state != null) {
                    out.accept(new Message.StateObserved(state));
                }
                if (filters.get().sendSystemProperties()) {
                    out.accept(new Message.SystemProperties(className, systemProperties()));
                }
                out.accept(new Message.ClassFinished(className, System.currentTimeMillis(), context.stdout().text(),
                        context.stderr().text()));
                deleteQuietly(tailFile);
            }
        }
    }

    /** As Surefire reports them: every property that is a string, as this JVM has them now. */
    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new TreeMap<>();
        Properties system = System.getProperties();
        for (String name : system.stringPropertyNames()) {
            String value = system.getProperty(name);
            if (value != null) { // another class's thread may clear one meanwhile
                properties.put(name, value);
            }
        }
        return properties;
    }

    private static OutputTail openTail(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return OutputTail.create(file);
        } catch (IOException | RuntimeException e) {
            return null; // only a crash report would miss it
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the coordinator removes the scratch directory at the end of the run
            }
        }
    }

    private static TestResult runnerFailure(String className, Throwable failure) {
        return TestResult.classLevelError(className, "runner", "JUnit Platform failed to run " + className + ": "
                + failure, failure.getClass().getName(), ResultRecorder.stackTraceOf(failure));
    }
}
