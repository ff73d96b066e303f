package dev.isolane.junit.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the forks as soon as the launcher starts executing a test plan, before any engine runs, so they run beside
 * the plain classes whichever engine the launcher executes first; their events wait in a {@link ReplayTarget} until
 * the Isolane engine executes and replays them. Registered through {@code META-INF/services}. A plan merely
 * discovered (an IDE filling its tree) starts nothing.
 *
 * <p>The plan's Isolane root is the one the engine discovered last on this thread (the launcher discovers and
 * executes on the caller's thread); a plan whose forked classes are not exactly that root's starts nothing here, and
 * the engine starts its forks itself when it executes.
 */
@API(status = INTERNAL, since = "0.1")
public final class EarlyForkStart implements TestExecutionListener {

    private static final ThreadLocal<IsolaneEngineDescriptor> DISCOVERED = new ThreadLocal<>();

    /** The engine discovered this root, with forked classes, on this thread; null: none. */
    static void discovered(IsolaneEngineDescriptor root) {
        if (root == null) {
            DISCOVERED.remove();
        } else {
            DISCOVERED.set(root);
        }
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        IsolaneEngineDescriptor root = DISCOVERED.get();
        DISCOVERED.remove();
        if (root == null || !plans(plan, root)) {
            return;
        }
        IsolatedProcessEngine.startForks(root, plan.getConfigurationParameters());
    }

    private static boolean plans(TestPlan plan, IsolaneEngineDescriptor root) {
        String rootId = root.getUniqueId().toString();
        for (TestIdentifier engine : plan.getRoots()) {
            if (engine.getUniqueId().equals(rootId)) {
                Set<String> planned = plan.getChildren(engine).stream().map(TestIdentifier::getUniqueId)
                        .collect(Collectors.toSet());
                List<String> discovered = root.getChildren().stream().map(TestDescriptor::getUniqueId)
                        .map(Object::toString).toList();
                return !discovered.isEmpty() && planned.size() == discovered.size()
                        && planned.containsAll(discovered);
            }
        }
        return false;
    }
}
