package dev.isolane.junit.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.launch.WorkerArguments;
import dev.isolane.junit.IsolatedProcess;
import dev.isolane.junit.engine.IsolaneEngineDescriptor.StartedForks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.opentest4j.AssertionFailedError;

/**
 * Runs {@code @IsolatedProcess} classes in a forked JVM each when a plain JUnit Platform launch runs them (an IDE,
 * Surefire, Gradle, the ConsoleLauncher), up to {@code isolane.forks} at once, and replays their results here test by
 * test. Registered through {@code META-INF/services}; {@link IsolatedClassFilter} takes the same classes away from
 * the engines that own them.
 *
 * <p>Discovery happens here, through the real engines, so IDE selectors and reruns by unique id work as usual; no
 * test or lifecycle code runs here. Inside an Isolane worker (the Maven plugin already gave the class its JVM), or
 * with {@code isolane.fork.enabled=false}, the engine finds nothing and the classes run where they are.
 */
@API(status = INTERNAL, since = "0.1")
public final class IsolatedProcessEngine implements TestEngine {

    /** The engine id, the first segment of every unique id this engine reports. */
    public static final String ENGINE_ID = "isolane";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.isolane");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("isolane-junit-extension");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        Claims.clear();
        IsolaneEngineDescriptor root = new IsolaneEngineDescriptor(uniqueId);
        ForkSettings settings = ForkSettings.from(request.getConfigurationParameters());
        // A suite's engine nests this one under its own id; such a suite runs its classes where it runs.
        if (uniqueId.getSegments().size() > 1) {
            return root;
        }
        EarlyForkStart.discovered(null); // what an earlier discovery on this thread left is not this plan's
        if (!settings.forks()) {
            return root;
        }
        RealEngines.Found found = RealEngines.discover(request, uniqueId);
        if (found.classes().isEmpty()) {
            return root;
        }
        found.classes().forEach(root::addChild);
        found.classes().forEach(forked -> Claims.add(forked.className()));
        List<Class<?>> needed = new ArrayList<>(List.of(Launcher.class, TestEngine.class, ReflectionSupport.class,
                AssertionFailedError.class, WorkerArguments.class, IsolatedProcess.class));
        needed.addAll(found.engines());
        root.jvm(ForkJvm.ofThisJvm(settings.jvmArgs(), needed));
        EarlyForkStart.discovered(root);
        return root;
    }

    @Override
    public void execute(ExecutionRequest request) {
        IsolaneEngineDescriptor root = (IsolaneEngineDescriptor) request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        if (root.getChildren().isEmpty()) {
            listener.executionFinished(root, TestExecutionResult.successful());
            return;
        }
        try {
            StartedForks started = root.takeStarted();
            if (started == null) {
                started = start(root, request.getConfigurationParameters());
            }
            started.target().attach(listener);
            started.forks().await();
            listener.executionFinished(root, TestExecutionResult.successful());
        } catch (IOException e) {
            listener.executionFinished(root, TestExecutionResult.failed(new ForkedJvmException(
                    "Isolane could not prepare the forked JVMs: " + e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.executionFinished(root, TestExecutionResult.aborted(e));
        }
    }

    /**
     * Start the root's forks now, ahead of its execution, their events waiting for the engine's listener; nothing
     * happens when they cannot start here, and the engine tries again, and reports why, when it executes.
     */
    static void startForks(IsolaneEngineDescriptor root, ConfigurationParameters parameters) {
        try {
            root.started(start(root, parameters));
        } catch (IOException | RuntimeException e) {
            // the engine's own start reports it
        }
    }

    private static StartedForks start(IsolaneEngineDescriptor root, ConfigurationParameters parameters)
            throws IOException {
        ForkSettings settings = ForkSettings.from(parameters);
        ForkSession session = new ForkSession(root.jvm(), settings, forwarded(parameters));
        ReplayTarget target = new ReplayTarget();
        List<ForkedClassDescriptor> classes = root.getChildren().stream()
                .map(ForkedClassDescriptor.class::cast).toList();
        return new StartedForks(ParallelForks.start(classes, session, target, root.getUniqueId()), target);
    }

    /**
     * The configuration parameters a fork gets explicitly: those not already carried by its system properties or
     * found in its own {@code junit-platform.properties}; never the launcher's report settings (a fork writing
     * reports would overwrite this JVM's).
     */
    static Map<String, String> forwarded(ConfigurationParameters parameters) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String key : parameters.keySet()) {
            String value = parameters.get(key).orElse(null);
            if (value != null && !value.equals(System.getProperty(key))
                    && !ForkJvm.isReporting(key)) {
                forwarded.put(key, value);
            }
        }
        return forwarded;
    }
}
