package dev.isolane.core.worker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.isolane.core.detect.Detector;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.protocol.Message;
import java.util.function.Consumer;
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
    /** Null unless this JVM's agent turned violation detection on. */
    private final Detector detector = Detector.forThisJvm();

    ClassRunner(Consumer<Message> out, Lane lane) {
        this.out = out;
        this.lane = lane;
    }

    void run(String className) {
        ClassContext context = new ClassContext(className);
        context.enter();
        Object observed = detector == null ? null : detector.started(className);
        try {
            out.accept(new Message.ClassStarted(className, Thread.currentThread().getName(),
                    System.currentTimeMillis()));
            ResultRecorder recorder = new ResultRecorder(context,
                    result -> out.accept(new Message.TestFinished(className, result)));
            try {
                LAUNCHER.get().execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(className))
                        .configurationParameter(LANE_PARAMETER, lane.label())
                        .build(), recorder);
            } catch (Throwable failure) {
                // The platform itself failed (a broken engine, a class that cannot load): the class gets an error.
                out.accept(new Message.TestFinished(className, runnerFailure(className, failure)));
            }
        } finally {
            ClassState state = observed == null ? null : detector.finished(observed);
            context.close();
            if (state != null) {
                out.accept(new Message.StateObserved(state));
            }
            out.accept(new Message.ClassFinished(className, System.currentTimeMillis(), context.stdout().text(),
                    context.stderr().text()));
        }
    }

    private static TestResult runnerFailure(String className, Throwable failure) {
        return TestResult.classLevelError(className, "runner", "JUnit Platform failed to run " + className + ": "
                + failure, failure.getClass().getName(), ResultRecorder.stackTraceOf(failure));
    }
}
