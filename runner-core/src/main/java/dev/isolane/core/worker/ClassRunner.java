package dev.isolane.core.worker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.isolane.core.detect.Detector;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.protocol.Message;
import dev.isolane.core.protocol.TraceSlot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** Runs one test class through the JUnit Platform on the calling thread and reports it as it goes. */
final class ClassRunner {

    /**
     * Configuration parameter set in every request a worker makes; the junit-extension reads it to know that Isolane
     * already placed the class, so it must not fork again.
     */
    static final String LANE_PARAMETER = "isolane.worker.lane";

    /** Each pool thread's trace slot, in this worker's scratch directory. */
    private static final ThreadLocal<TraceSlot> SLOT = new ThreadLocal<>();

    /** Each pool thread's launcher, of a session of its own that lasts the worker's life ({@link LauncherSessions}). */
    private static final ThreadLocal<Launcher> LAUNCHER = ThreadLocal.withInitial(LauncherSessions::open);

    private final Consumer<Message> out;
    private final Lane lane;
    private final Path scratch;
    private final Supplier<RunFilters> filters;
    private final Runnable afterClass;
    private final ChildProcesses children;
    /** Null unless this JVM's agent turned violation detection on. */
    private final Detector detector = Detector.forThisJvm();
    /** The system properties last sent to the coordinator; guarded by this. */
    private Map<String, String> lastSentProperties;

    /**
     * @param scratch    where each pool thread keeps its {@link TraceSlot} for the coordinator, or null for nowhere
     * @param afterClass what the worker does once a class is over and its state observed (take back the streams)
     * @param children   the processes classes start, to end those a class leaves running
     */
    ClassRunner(Consumer<Message> out, Lane lane, Path scratch, Supplier<RunFilters> filters, Runnable afterClass,
            ChildProcesses children) {
        this.afterClass = afterClass;
        this.children = children;
        this.filters = filters;
        this.out = out;
        this.lane = lane;
        this.scratch = scratch;
    }

    /** Create the calling thread's launcher now (it loads every engine), while an isolated JVM waits for its class. */
    static void prepareLauncher() {
        LAUNCHER.get();
    }

    /** The calling thread's launcher, made by {@link #prepareLauncher} ahead of the class in an isolated JVM. */
    static Launcher launcher() {
        return LAUNCHER.get();
    }

    /** Run a class, or only the tests with these unique ids (a rerun of the ones that failed). */
    void run(String className, List<String> only) {
        TraceSlot slot = slot();
        if (slot != null) {
            slot.begin(className);
        }
        ClassContext context = new ClassContext(className,
                slot == null ? null : (toErr, bytes, offset, length) -> slot.output(bytes, offset, length));
        context.enter();
        RunnerThreads.started(className);
        children.classStarted(className);
        Object observed = detector == null ? null : detector.started(className);
        List<TestResult> last = null;
        try {
            out.accept(new Message.ClassStarted(className, Thread.currentThread().getName(),
                    System.currentTimeMillis()));
            ResultRecorder recorder = new ResultRecorder(context, slot,
                    results -> out.accept(new Message.TestsFinished(className, results)));
            TestResult runnerFailure = null;
            try {
                List<DiscoverySelector> selectors = only.isEmpty() ? List.of(selectClass(className))
                        : only.stream().<DiscoverySelector>map(id -> selectUniqueId(id)).toList();
                SerialEngines serial = new SerialEngines();
                LAUNCHER.get().execute(filters.get().applyTo(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectors)
                        .listeners(serial)
                        .configurationParameter(LANE_PARAMETER, lane.label()))
                        .build(), recorder, serial);
            } catch (Throwable failure) {
                // JUnit lets an OutOfMemoryError through, ending the class: the tests it interrupted get the error.
                // Otherwise the platform itself failed (a broken engine, a class that cannot load).
                if (recorder.failRunning(failure) == 0) {
                    runnerFailure = runnerFailure(className, failure);
                }
            }
            last = recorder.drain();
            if (runnerFailure != null) {
                last = append(last, runnerFailure);
            }
        } finally {
            SerialEngines.release();
            RunnerThreads.finished();
            ClassState state = observed == null ? null : detector.finished(observed);
            context.close();
            afterClass.run();
            children.classFinished(className);
            // A class whose results could not all be gathered (an OutOfMemoryError while reporting) must not look
            // finished: the error goes on up, the worker ends, and the coordinator reports it from its trace slot.
            if (last != null) {
                finished(className, context, last, state);
                if (slot != null) {
                    slot.end();
                }
            }
        }
    }

    private static List<TestResult> append(List<TestResult> results, TestResult result) {
        List<TestResult> all = new ArrayList<>(results);
        all.add(result);
        return all;
    }

    /**
     * Send the class's last message, with the system properties when they differ from the last ones sent: the
     * coordinator gives a class without them the last ones this JVM sent. Sending them for every class cost the
     * 5,000-class suite 5,000 maps of 60 entries to encode and decode. Compared and sent under one lock, so that a
     * class whose check finds nothing new is sent after any properties another thread found changed.
     */
    private void finished(String className, ClassContext context, List<TestResult> last, ClassState state) {
        if (!filters.get().sendSystemProperties()) {
            out.accept(classFinished(className, context, last, state, null));
            return;
        }
        synchronized (this) {
            Map<String, String> now = systemProperties();
            boolean changed = !now.equals(lastSentProperties);
            out.accept(classFinished(className, context, last, state, changed ? now : null));
            if (changed) {
                lastSentProperties = now;
            }
        }
    }

    private static Message.ClassFinished classFinished(String className, ClassContext context, List<TestResult> last,
            ClassState state, Map<String, String> systemProperties) {
        return new Message.ClassFinished(className, System.currentTimeMillis(), context.stdout().text(),
                context.stderr().text(), last, state, systemProperties);
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

    /**
     * The calling thread's trace slot, made on its first class and reused for every later one; null without a scratch
     * directory, or when the file cannot be made (only a crash report would miss it).
     */
    private TraceSlot slot() {
        if (scratch == null) {
            return null;
        }
        TraceSlot slot = SLOT.get();
        if (slot == null) {
            try {
                slot = TraceSlot.create(scratch.resolve(Thread.currentThread().getName() + ".trace"));
                SLOT.set(slot);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return slot;
    }

    private static TestResult runnerFailure(String className, Throwable failure) {
        return TestResult.classLevelError(className, "runner", "JUnit Platform failed to run " + className + ": "
                + failure, failure.getClass().getName(), ResultRecorder.stackTraceOf(failure));
    }
}
