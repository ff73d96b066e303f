package dev.isolane.core.worker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.isolane.core.model.TestClass;
import dev.isolane.core.protocol.Message;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Asks every engine on the classpath which of the candidate classes hold tests. Classes are loaded but not
 * initialized, so no test code runs here.
 */
final class TestDiscovery {

    private TestDiscovery() {}

    static Message.Discovered discover(List<String> candidates, RunFilters filters) {
        TestPlan plan = LauncherFactory.create().discover(filters.applyTo(LauncherDiscoveryRequestBuilder.request()
                .selectors(candidates.stream().map(name -> selectClass(name)).toList())
                .configurationParameter(ClassRunner.LANE_PARAMETER, "discovery"))
                .build());
        Set<String> wanted = new HashSet<>(candidates);
        Set<String> claimed = new HashSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                topLevelClass(id.getSource(), wanted).ifPresent(claimed::add);
            }
        }
        List<TestClass> classes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String name : candidates) {
            if (!claimed.contains(name)) {
                continue; // no engine claims it: not a test class (an abstract base, a helper)
            }
            try {
                boolean isolated = IsolatedAnnotation.isPresentOn(Class.forName(name, false, loader));
                classes.add(new TestClass(name, isolated));
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(name + ": " + e);
                classes.add(new TestClass(name, false));
            }
        }
        return new Message.Discovered(classes, problems);
    }

    /** The requested top-level class a test belongs to; nested classes count for their outermost class. */
    private static Optional<String> topLevelClass(Optional<TestSource> source, Set<String> wanted) {
        String name = null;
        if (source.isPresent() && source.get() instanceof ClassSource type) {
            name = type.getClassName();
        } else if (source.isPresent() && source.get() instanceof MethodSource method) {
            name = method.getClassName();
        }
        while (name != null && !wanted.contains(name)) {
            int dollar = name.lastIndexOf('$');
            name = dollar < 0 ? null : name.substring(0, dollar);
        }
        return Optional.ofNullable(name);
    }
}
