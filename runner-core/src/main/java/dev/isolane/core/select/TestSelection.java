package dev.isolane.core.select;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Which tests run, with Surefire's rules: {@code includes} and {@code excludes} patterns, or the {@code test}
 * parameter ({@code -Dtest=FooTest,Bar*,!BazTest,Qux#fast*}) which replaces both when given; then JUnit tags.
 *
 * @param includes       patterns a class must match (Surefire's defaults when empty)
 * @param excludes       patterns a class must not match (nested classes when empty)
 * @param test           the {@code -Dtest} value, or null; its method parts are applied in the worker
 * @param groups         JUnit tag expressions a test must match (any of them); empty for all
 * @param excludedGroups JUnit tag expressions a test must not match
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestSelection(List<String> includes, List<String> excludes, String test, List<String> groups,
        List<String> excludedGroups) {

    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    public TestSelection {
        includes = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
        excludes = excludes == null || excludes.isEmpty() ? DEFAULT_EXCLUDES : List.copyOf(excludes);
        test = test == null || test.isBlank() ? null : test.trim();
        groups = groups == null ? List.of() : List.copyOf(groups);
        excludedGroups = excludedGroups == null ? List.of() : List.copyOf(excludedGroups);
    }

    public TestSelection(List<String> includes, List<String> excludes, String test) {
        this(includes, excludes, test, List.of(), List.of());
    }

    /** Surefire's {@code groups}/{@code excludedGroups} form: comma-separated tag expressions. */
    public static List<String> tagExpressions(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static TestSelection defaults() {
        return new TestSelection(List.of(), List.of(), null);
    }

    /** True when the user named tests with {@code -Dtest}; finding none of them is then an error. */
    public boolean isSpecific() {
        return test != null;
    }

    /** Compile the patterns once; the filter decides for a class path below a classes directory, without ".class". */
    public Predicate<String> toFilter() {
        List<ClassPattern> include = new ArrayList<>();
        List<ClassPattern> exclude = new ArrayList<>();
        if (test == null) {
            includes.forEach(p -> include.add(ClassPattern.parse(p)));
            excludes.forEach(p -> exclude.add(ClassPattern.parse(p)));
            return path -> matchesAny(include, path) && !matchesAny(exclude, path);
        }
        TestPatterns patterns = TestPatterns.parse(test);
        patterns.includes().forEach(p -> include.add(p.classes()));
        // !FooTest#slow leaves out one method, not the class
        patterns.excludes().stream().filter(p -> !p.namesMethods()).forEach(p -> exclude.add(p.classes()));
        if (include.isEmpty()) {
            includes.forEach(p -> include.add(ClassPattern.parse(p)));
        }
        // -Dtest replaces includes and excludes, but nested classes still run with their outer class only.
        boolean nestedNamed = include.stream().anyMatch(p -> p.source().contains("$"));
        return path -> (nestedNamed || !path.contains("$")) && matchesAny(include, path) && !matchesAny(exclude, path);
    }

    private static boolean matchesAny(List<ClassPattern> patterns, String classPath) {
        for (ClassPattern pattern : patterns) {
            if (pattern.matches(classPath)) {
                return true;
            }
        }
        return false;
    }
}
