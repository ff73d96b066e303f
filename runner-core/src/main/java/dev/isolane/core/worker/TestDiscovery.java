package dev.isolane.core.worker;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.isolane.core.model.TestClass;
import dev.isolane.core.protocol.Message;
import java.util.ArrayList;
import java.util.Collections;
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

    /** Fewer candidates than this for each thread are discovered on the calling thread alone. */
    static final int CLASSES_PER_THREAD = 250;

    static Message.Discovered discover(List<String> candidates, RunFilters filters) {
        Set<String> wanted = new HashSet<>(candidates);
        Set<String> claimed = claimed(candidates, filters, wanted,
                Math.min(Runtime.getRuntime().availableProcessors(), candidates.size() / CLASSES_PER_THREAD));
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

    /**
     * The candidates some engine claims. A large suite is split into a part per thread, each discovered by a
     * launcher of its own at the same time: the cores are otherwise idle while the run waits for discovery, which
     * took a quarter of a 5,000-class run on one thread. A class is claimed by whichever part's plan holds one of
     * its tests (a suite class claims the classes it runs, whichever part they are in), as in one discovery.
     */
    static Set<String> claimed(List<String> candidates, RunFilters filters, Set<String> wanted, int threads) {
        if (threads < 2) {
            return claimedBy(candidates, filters, wanted);
        }
        List<List<String>> parts = new ArrayList<>();
        int size = (candidates.size() + threads - 1) / threads;
        for (int from = 0; from < candidates.size(); from += size) {
            parts.add(candidates.subList(from, Math.min(candidates.size(), from + size)));
        }
        List<Set<String>> claims = new ArrayList<>(Collections.nCopies(parts.size(), Set.of()));
        Throwable[] failure = new Throwable[1];
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            int part = i;
            Thread helper = new Thread(() -> {
                try {
                    claims.set(part, claimedBy(parts.get(part), filters, wanted));
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "isolane-discovery-" + part);
            helpers.add(helper);
            helper.start();
        }
        claims.set(0, claimedBy(parts.get(0), filters, wanted));
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while discovering the tests", e);
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException e) {
                throw e;
            }
            if (failure[0] instanceof Error e) {
                throw e;
            }
        }
        Set<String> claimed = new HashSet<>();
        claims.forEach(claimed::addAll);
        return claimed;
    }

    private static Set<String> claimedBy(List<String> candidates, RunFilters filters, Set<String> wanted) {
        // An engine that keeps its discovery in JVM-wide state (TestNG) discovers one part at a time.
        TestPlan plan = LauncherFactory.create().discover(filters.applyTo(LauncherDiscoveryRequestBuilder.request()
                .selectors(candidates.stream().map(name -> selectClass(name)).toList())
                .listeners(new SerialEngines())
                .configurationParameter(ClassRunner.LANE_PARAMETER, "discovery"))
                .build());
        Set<String> claimed = new HashSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                topLevelClass(id.getSource(), wanted).ifPresent(claimed::add);
            }
        }
        return claimed;
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
