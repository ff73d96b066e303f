package dev.isolane.junit.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Takes the classes the Isolane engine forks away from every other engine, so they run once, in their forked JVM,
 * and nothing of them runs in this one. Registered through {@code META-INF/services}.
 */
@API(status = INTERNAL, since = "0.1")
public final class IsolatedClassFilter implements PostDiscoveryFilter {

    static final String REASON = "runs in a forked JVM of its own (@IsolatedProcess); the Isolane engine reports it";

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (Claims.none() || IsolatedProcessEngine.ENGINE_ID.equals(descriptor.getUniqueId().getEngineId().orElse(null))
                || !isTopLevelOfAnEngine(descriptor) || !className(descriptor).map(Claims::contains).orElse(false)) {
            return FilterResult.included("not forked by Isolane");
        }
        // The Launcher removes only excluded nodes without children, then prunes containers without tests; a class
        // that may register tests (a class template) would survive that and run here. So the subtree goes now.
        List.copyOf(descriptor.getChildren()).forEach(descriptor::removeChild);
        return FilterResult.excluded(REASON);
    }

    private static boolean isTopLevelOfAnEngine(TestDescriptor descriptor) {
        return descriptor.getParent().map(TestDescriptor::isRoot).orElse(false);
    }

    private static Optional<String> className(TestDescriptor descriptor) {
        return descriptor.getSource().filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName());
    }
}
