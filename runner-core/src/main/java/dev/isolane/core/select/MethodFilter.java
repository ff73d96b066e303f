package dev.isolane.core.select;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The method part of Surefire's {@code -Dtest}: {@code FooTest#bar*}, {@code FooTest#a+b}, {@code #plain},
 * {@code !FooTest#slow}. The coordinator picks classes with {@link TestSelection}; each worker asks this filter about
 * every test method JUnit discovers. A test runs when an included pattern names its class and method (or there are no
 * included patterns at all) and no excluded pattern does. When no pattern names a method, every method runs.
 */
@API(status = INTERNAL, since = "0.1")
public final class MethodFilter {

    private final TestPatterns patterns;
    private final boolean anyMethodPattern;

    private MethodFilter(TestPatterns patterns) {
        this.patterns = patterns;
        this.anyMethodPattern = patterns.includes().stream().anyMatch(TestPatterns.TestPattern::namesMethods)
                || patterns.excludes().stream().anyMatch(TestPatterns.TestPattern::namesMethods);
    }

    /** Parse a {@code -Dtest} value; null or blank gives a filter that lets everything run. */
    public static MethodFilter parse(String test) {
        return new MethodFilter(TestPatterns.parse(test));
    }

    /** True when no pattern names a method, so every method of a selected class runs. */
    public boolean isEmpty() {
        return !anyMethodPattern;
    }

    /** Whether the test method {@code method} of the class with binary name {@code className} runs. */
    public boolean shouldRun(String className, String method) {
        if (isEmpty()) {
            return true;
        }
        String classPath = className.replace('.', '/');
        boolean included = patterns.includes().isEmpty()
                || patterns.includes().stream().anyMatch(pattern -> pattern.matches(classPath, method));
        return included && patterns.excludes().stream().noneMatch(pattern -> pattern.matches(classPath, method));
    }
}
