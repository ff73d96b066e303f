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

    /** Each pool thread's trace slot, in this worker's scratch directory. */
    private static final ThreadLocal<TraceSlot> SLOT = new ThreadLocal<>();

    /** Launchers are not documented as safe for concurrent executions, so each pool thread has its own. */
    private static final ThreadLocal<Launcher> LAUNCHER = ThreadLocal.withInitial(LauncherFactory::create);

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
        boolean delivered = false;
        try {
            out.accept(new Message.ClassStarted(className, Thread.currentThread().getName(),
                    System.currentTimeMillis()));
            ResultRecorder recorder = new ResultRecorder(context, slot,
                    results -> out.accept(new Message.TestsFinished(className, results)));
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
                    out.accept(new Message.TestsFinished(className, List.of(runnerFailure(className, failure))));
                }
            }
            recorder.flush();
            delivered = true;
        } finally {
            SerialEngines.release();
            RunnerThreads.finished();
            ClassState state = observed == null ? null : detector.finished(observed);
            context.close();
            afterClass.run();
            children.classFinished(className);
            // A class whose results could not all be sent (an OutOfMemoryError while reporting) must not look
            // finished: the error goes on up, the worker ends, and the coordinator reports it from its trace slot.
            if (delivered) {
                if (state != null) {
                    out.accept(new Message.StateObserved(state));
                }
                if (filters.get().sendSystemProperties()) {
                    sendSystemPropertiesIfChanged(className);
                }
                out.accept(new Message.ClassFinished(className, System.currentTimeMillis(), context.stdout().text(),
                        context.stderr().text()));
                if (slot != null) {
                    slot.end();
                }
            }
        }
    }

    /**
     * The JVM's system properties, sent when they differ from the last ones sent: the coordinator gives a class
     * without its own message the last ones this JVM sent. Sending them for every class cost the 5,000-class suite
     * 5,000 maps of 60 entries to encode and decode. Compared and sent under one lock, so that a class whose check
     * finds nothing new sends its {@link Message.ClassFinished} after any properties another thread found changed.
     */
    private synchronized void sendSystemPropertiesIfChanged(String className) {
        Map<String, String> now = systemProperties();
        if (!now.equals(lastSentProperties)) {
            out.accept(new Message.SystemProperties(className, now));
            lastSentProperties = now;
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
