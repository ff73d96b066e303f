package dev.isolane.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which class files are test classes, with Surefire's rules: {@code includes} and {@code excludes} patterns, or the
 * {@code test} parameter ({@code -Dtest=FooTest,Bar*,!BazTest}) which replaces both when given.
 *
 * @param includes patterns a class must match (Surefire's defaults when empty)
 * @param excludes patterns a class must not match (nested classes when empty)
 * @param test     the {@code -Dtest} value, or null
 */
public record TestSelection(List<String> includes, List<String> excludes, String test) {

    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    public TestSelection {
        includes = includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : List.copyOf(includes);
        excludes = excludes == null || excludes.isEmpty() ? DEFAULT_EXCLUDES : List.copyOf(excludes);
        test = test == null || test.isBlank() ? null : test.trim();
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
        for (String part : test.split(",")) {
            String pattern = part.trim();
            if (!pattern.isEmpty()) {
                boolean negated = pattern.startsWith("!");
                (negated ? exclude : include).add(ClassPattern.parse(classPartOf(negated ? pattern.substring(1) : pattern)));
            }
        }
        if (include.isEmpty()) {
            includes.forEach(p -> include.add(ClassPattern.parse(p)));
        }
        // -Dtest replaces includes and excludes, but nested classes still run with their outer class only.
        boolean nestedNamed = include.stream().anyMatch(p -> p.source().contains("$"));
        return path -> (nestedNamed || !path.contains("$")) && matchesAny(include, path) && !matchesAny(exclude, path);
    }

    /** {@code FooTest#bar*} selects class FooTest; the method part is applied by the worker. */
    static String classPartOf(String pattern) {
        int hash = pattern.indexOf('#');
        String classPart = hash < 0 ? pattern : pattern.substring(0, hash);
        return classPart.isEmpty() ? "**/*" : classPart;
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
