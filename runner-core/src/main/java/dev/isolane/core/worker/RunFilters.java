package dev.isolane.core.worker;

import dev.isolane.core.protocol.Message;
import dev.isolane.core.select.MethodFilter;
import java.util.List;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;

/**
 * The filters every discovery and run of a worker carries, so both agree on which tests exist: the method parts of
 * {@code -Dtest} and the {@code groups}/{@code excludedGroups} tag expressions (JUnit 4 categories are tags too, named
 * by the category's class name).
 */
record RunFilters(MethodFilter methods, List<String> includeTags, List<String> excludeTags) {

    static final RunFilters NONE = new RunFilters(MethodFilter.parse(null), List.of(), List.of());

    static RunFilters of(Message.Configure configure) {
        return new RunFilters(MethodFilter.parse(configure.testFilter()), configure.includeTags(),
                configure.excludeTags());
    }

    LauncherDiscoveryRequestBuilder applyTo(LauncherDiscoveryRequestBuilder request) {
        if (!methods.isEmpty()) {
            request.filters(methodFilter());
        }
        if (!includeTags.isEmpty()) {
            request.filters(TagFilter.includeTags(includeTags));
        }
        if (!excludeTags.isEmpty()) {
            request.filters(TagFilter.excludeTags(excludeTags));
        }
        return request;
    }

    /** Decides on test methods only; containers without any test left are pruned by the platform. */
    private PostDiscoveryFilter methodFilter() {
        return descriptor -> {
            if (descriptor.getSource().orElse(null) instanceof MethodSource method) {
                boolean run = methods.shouldRun(method.getClassName(), method.getMethodName());
                return FilterResult.includedIf(run, () -> "selected by -Dtest",
                        () -> "not selected by -Dtest");
            }
            return FilterResult.included("not a method");
        };
    }
}
