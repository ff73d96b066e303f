package dev.isolane.junit.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * Discovers the {@code @IsolatedProcess} classes of a request through the engines that own them (Jupiter, Vintage,
 * any other on the class path), so every selector an IDE sends resolves exactly as it would without Isolane, and
 * mirrors each class under the Isolane engine.
 */
final class RealEngines {

    private RealEngines() {}

    /** What the real engines found: the isolated classes, and the engines (whose code a fork needs) that own them. */
    record Found(List<ForkedClassDescriptor> classes, Set<Class<?>> engines) {}

    static Found discover(EngineDiscoveryRequest request, UniqueId engineId) {
        List<DiscoverySelector> selectors = IsolatedSelectors.of(request, engineId);
        List<ForkedClassDescriptor> classes = new ArrayList<>();
        Set<Class<?>> engines = new LinkedHashSet<>();
        if (selectors.isEmpty()) {
            return new Found(classes, engines);
        }
        EngineDiscoveryRequest narrowed = narrowed(request, selectors);
        for (TestEngine engine : ServiceLoader.load(TestEngine.class, loader())) {
            if (engine.getId().equals(IsolatedProcessEngine.ENGINE_ID)) {
                continue;
            }
            TestDescriptor root;
            try {
                root = engine.discover(narrowed, UniqueId.forEngine(engine.getId()));
            } catch (RuntimeException | LinkageError e) {
                throw new JUnitException("Isolane could not discover the @IsolatedProcess classes through the '"
                        + engine.getId() + "' engine; that engine reports the same problem for the classes it runs."
                        + " Cause: " + e, e);
            }
            for (TestDescriptor top : root.getChildren()) {
                if (top.getSource().orElse(null) instanceof ClassSource source && TestDescriptor.containsTests(top)
                        && isIsolated(source)) {
                    classes.add(ForkedClassDescriptor.copyOf(top, source.getClassName(), engineId));
                    engines.add(engine.getClass());
                }
            }
        }
        return new Found(classes, engines);
    }

    private static boolean isIsolated(ClassSource source) {
        try {
            return IsolatedSelectors.isIsolated(source.getJavaClass());
        } catch (RuntimeException | LinkageError cannotLoad) {
            return false;
        }
    }

    /**
     * The request with other selectors and without its discovery listener (the engine's own discovery of these
     * classes reports their problems once). A proxy rather than a class, so methods later Platform versions add to
     * the interface still reach the original request.
     */
    private static EngineDiscoveryRequest narrowed(EngineDiscoveryRequest original, List<DiscoverySelector> selectors) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "getSelectorsByType" -> {
                    Class<?> type = (Class<?>) args[0];
                    return selectors.stream().filter(type::isInstance).toList();
                }
                case "getDiscoveryListener" -> {
                    return EngineDiscoveryListener.NOOP;
                }
                case "toString" -> {
                    return "narrowed " + original;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                default -> {
                    try {
                        return method.invoke(original, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        };
        return (EngineDiscoveryRequest) Proxy.newProxyInstance(EngineDiscoveryRequest.class.getClassLoader(),
                new Class<?>[] {EngineDiscoveryRequest.class}, handler);
    }

    static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : RealEngines.class.getClassLoader();
    }
}
