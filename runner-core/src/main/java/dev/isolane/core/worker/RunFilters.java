package dev.isolane.core.worker;

import dev.isolane.core.protocol.Message;
import dev.isolane.core.select.MethodFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * What every discovery and run of a worker carries, so both agree on which tests exist and how JUnit is configured:
 * the method parts of {@code -Dtest}, the {@code groups}/{@code excludedGroups} tag expressions (JUnit 4 categories are
 * tags too, named by the category's class name), the engines that run, and the configuration parameters.
 *
 * @param parameters           the configuration parameters the coordinator sent, with the defaults the project does
 *                             not set itself
 * @param sendSystemProperties whether each class's results carry the JVM's system properties
 */
record RunFilters(MethodFilter methods, List<String> includeTags, List<String> excludeTags,
        List<String> includeEngines, List<String> excludeEngines, Map<String, String> parameters,
        boolean sendSystemProperties) {

    static final RunFilters NONE = new RunFilters(MethodFilter.parse(null), List.of(), List.of(), List.of(), List.of(),
            Map.of(), false);

    static RunFilters of(Message.Configure configure) {
        return new RunFilters(MethodFilter.parse(configure.testFilter()), configure.includeTags(),
                configure.excludeTags(), configure.includeEngines(), configure.excludeEngines(),
                parameters(configure), configure.sendSystemProperties());
    }

    /**
     * The configuration parameters, after the defaults that neither they nor the project's own configuration set (as
     * Surefire applies {@code runOrder}'s method orderers only where the project chose none).
     */
    private static Map<String, String> parameters(Message.Configure configure) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!configure.defaultParameters().isEmpty()) {
            // junit-platform.properties on the test class path, and system properties, as JUnit reads them.
            ConfigurationParameters own = LauncherDiscoveryRequestBuilder.request().build()
                    .getConfigurationParameters();
            configure.defaultParameters().forEach((key, value) -> {
                if (!configure.configurationParameters().containsKey(key) && own.get(key).isEmpty()) {
                    parameters.put(key, value);
                }
            });
        }
        parameters.putAll(configure.configurationParameters());
        return Map.copyOf(parameters);
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
        if (!includeEngines.isEmpty()) {
            request.filters(EngineFilter.includeEngines(includeEngines));
        }
        if (!excludeEngines.isEmpty()) {
            request.filters(EngineFilter.excludeEngines(excludeEngines));
        }
        return request.configurationParameters(parameters);
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
