package dev.isolane.junit.detect;

import dev.isolane.junit.engine.IsolatedProcessEngine;
import java.util.Optional;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Which containers of a test plan are the test classes whose JVM globals are compared before and after. */
final class WatchedClasses {

    private WatchedClasses() {}

    /** The class the container runs, when it is one to watch. */
    static Optional<String> classOf(TestPlan plan, TestIdentifier container) {
        if (!container.isContainer() || !(container.getSource().orElse(null) instanceof ClassSource source)) {
            return Optional.empty();
        }
        if (container.getUniqueIdObject().getEngineId().filter(IsolatedProcessEngine.ENGINE_ID::equals).isPresent()) {
            return Optional.empty(); // forked: its JVM was its own
        }
        if (plan.getParent(container).flatMap(TestIdentifier::getSource).filter(ClassSource.class::isInstance)
                .isPresent()) {
            return Optional.empty(); // a @Nested class, or a class template's invocation, is part of the class above
        }
        if (plan.getChildren(container).stream()
                .anyMatch(child -> child.getUniqueIdObject().getLastSegment().getType().equals("engine"))) {
            return Optional.empty(); // a @Suite class: the classes it runs are watched one by one
        }
        return Optional.of(source.getClassName());
    }
}
