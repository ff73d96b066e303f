package dev.isolane.core.select;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Which tests run, with Surefire's rules: {@code includes} and {@code excludes} patterns, or the {@code test}
 * parameter ({@code -Dtest=FooTest,Bar*,!BazTest,Qux#fast*}) which replaces both when given; then JUnit tags and
 * engines.
 *
 * @param includes       patterns a class must match (Surefire's defaults when empty)
 * @param excludes       patterns a class must not match (nested classes when empty)
 * @param test           the {@code -Dtest} value, or null; its method parts are applied in the worker
 * @param groups         JUnit tag expressions a test must match (any of them); empty for all
 * @param excludedGroups JUnit tag expressions a test must not match
 * @param includeEngines ids of the JUnit Platform engines that run ({@code junit-jupiter}); empty for every engine
 * @param excludeEngines ids of the engines that do not run
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestSelection(List<String> includes, List<String> excludes, String test, List<String> groups,
        List<String> excludedGroups, List<String> includeEngines, List<String> excludeEngines) {

    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    public TestSelection {
        includes = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
        excludes = excludes == null || excludes.isEmpty() ? DEFAULT_EXCLUDES : List.copyOf(excludes);
        test = test == null || test.isBlank() ? null : test.trim();
        groups = groups == null ? List.of() : List.copyOf(groups);
        excludedGroups = excludedGroups == null ? List.of() : List.copyOf(excludedGroups);
        includeEngines = includeEngines == null ? List.of() : List.copyOf(includeEngines);
        excludeEngines = excludeEngines == null ? List.of() : List.copyOf(excludeEngines);
    }

    public TestSelection(List<String> includes, List<String> excludes, String test, List<String> groups,
            List<String> excludedGroups) {
        this(includes, excludes, test, groups, excludedGroups, List.of(), List.of());
    }

    public TestSelection(List<String> includes, List<String> excludes, String test) {
        this(includes, excludes, test, List.of(), List.of());
    }

    /** Surefire's {@code groups}/{@code excludedGroups} form, and its engine ids: comma-separated, trimmed. */
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

    /**
     * What the workers filter test methods by: the {@code -Dtest} value, or, when an include or exclude names methods
     * ({@code com.acme.FooIT#fast*}, as Surefire allows in {@code includesFile} since 3.0.0-M6), the includes and the
     * method-naming excludes in {@code -Dtest}'s syntax; null when nothing names a method.
     */
    public String methodFilter() {
        if (test != null) {
            return test;
        }
        if (includes.stream().noneMatch(TestSelection::namesMethods)
                && excludes.stream().noneMatch(TestSelection::namesMethods)) {
            return null;
        }
        List<String> patterns = new ArrayList<>(includes);
        excludes.stream().filter(TestSelection::namesMethods).forEach(exclude -> patterns.add("!" + exclude));
        return String.join(",", patterns);
    }

    private static boolean namesMethods(String pattern) {
        return pattern.contains("#");
    }

    /** Compile the patterns once; the filter decides for a class path below a classes directory, without ".class". */
    public Predicate<String> toFilter() {
        List<ClassPattern> include = new ArrayList<>();
        List<ClassPattern> exclude = new ArrayList<>();
        if (test == null) {
            // A pattern naming methods picks its classes here; the workers pick the methods (methodFilter).
            for (String pattern : includes) {
                if (namesMethods(pattern)) {
                    TestPatterns.parse(pattern).includes().forEach(named -> include.add(named.classes()));
                } else {
                    include.add(ClassPattern.parse(pattern));
                }
            }
            excludes.stream().filter(p -> !namesMethods(p)).forEach(p -> exclude.add(ClassPattern.parse(p)));
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
