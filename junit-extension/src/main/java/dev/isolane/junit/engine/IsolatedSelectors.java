package dev.isolane.junit.engine;

import dev.isolane.junit.IsolatedProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.IterationSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.ModuleSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * Narrows a discovery request to the selectors that may reach an {@code @IsolatedProcess} class, so the real engines
 * discover only those classes a second time: explicit classes and methods whose class is isolated; packages, class
 * path roots and modules scanned for isolated classes (through the request's class name filters, as the engines
 * scan); and unique ids, the Isolane engine's own with its first segment removed. Classes are loaded, never
 * initialized.
 */
final class IsolatedSelectors {

    private IsolatedSelectors() {}

    static List<DiscoverySelector> of(EngineDiscoveryRequest request, UniqueId engineId) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (DiscoverySelector selector : request.getSelectorsByType(DiscoverySelector.class)) {
            if (selector instanceof UniqueIdSelector byId) {
                unwrap(byId.getUniqueId(), engineId).ifPresent(selectors::add);
            } else if (selector instanceof PackageSelector pkg) {
                scanned(ReflectionSupport.findAllClassesInPackage(pkg.getPackageName(), IsolatedSelectors::isIsolated,
                        classNames(request)), selectors);
            } else if (selector instanceof ClasspathRootSelector root) {
                scanned(ReflectionSupport.findAllClassesInClasspathRoot(root.getClasspathRoot(),
                        IsolatedSelectors::isIsolated, classNames(request)), selectors);
            } else if (selector instanceof ModuleSelector module) {
                scanned(ReflectionSupport.findAllClassesInModule(module.getModuleName(), IsolatedSelectors::isIsolated,
                        classNames(request)), selectors);
            } else if (reachesIsolatedClass(selector)) {
                selectors.add(selector);
            }
        }
        return selectors;
    }

    /** Whether the class, or a class it is nested in, carries {@code @IsolatedProcess} (inherited, composed). */
    static boolean isIsolated(Class<?> type) {
        for (Class<?> each = type; each != null; each = each.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(each, IsolatedProcess.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reachesIsolatedClass(DiscoverySelector selector) {
        try {
            if (selector instanceof ClassSelector type) {
                return isIsolated(type.getJavaClass());
            }
            if (selector instanceof MethodSelector method) {
                return isIsolated(method.getJavaClass());
            }
            if (selector instanceof NestedClassSelector nested) {
                return isIsolated(nested.getEnclosingClasses().get(0)) || isIsolated(nested.getNestedClass());
            }
            if (selector instanceof NestedMethodSelector nested) {
                return isIsolated(nested.getEnclosingClasses().get(0)) || isIsolated(nested.getNestedClass());
            }
            if (selector instanceof IterationSelector iteration) {
                return reachesIsolatedClass(iteration.getParentSelector());
            }
        } catch (RuntimeException | LinkageError cannotLoad) {
            // The engine that owns the class reports it; there is nothing to fork.
        }
        return false;
    }

    /** The Isolane engine's ids carry the real engine's id after their first segment; others pass unchanged. */
    private static Optional<DiscoverySelector> unwrap(UniqueId id, UniqueId engineId) {
        if (!id.hasPrefix(engineId)) {
            return Optional.of(DiscoverySelectors.selectUniqueId(id));
        }
        List<UniqueId.Segment> segments = id.getSegments();
        if (segments.size() < 2) {
            return Optional.empty(); // the engine alone: nothing more specific to rerun
        }
        UniqueId real = UniqueId.root(segments.get(1).getType(), segments.get(1).getValue());
        for (UniqueId.Segment segment : segments.subList(2, segments.size())) {
            real = real.append(segment);
        }
        return Optional.of(DiscoverySelectors.selectUniqueId(real));
    }

    private static void scanned(List<Class<?>> classes, List<DiscoverySelector> selectors) {
        classes.forEach(type -> selectors.add(DiscoverySelectors.selectClass(type)));
    }

    /** The request's class and package name filters, as the engines themselves apply them when they scan. */
    private static Predicate<String> classNames(EngineDiscoveryRequest request) {
        List<DiscoveryFilter<String>> filters = new ArrayList<>();
        filters.addAll(request.getFiltersByType(ClassNameFilter.class));
        filters.addAll(request.getFiltersByType(PackageNameFilter.class));
        return name -> filters.stream().allMatch(filter -> filter.apply(name).included());
    }
}
