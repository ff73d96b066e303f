package dev.isolane.core.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Surefire's {@code -Dtest} value, parsed once for its two readers: the coordinator picks classes by the class parts
 * ({@link TestSelection}), each worker picks test methods by the method parts ({@link MethodFilter}). Patterns are
 * separated by commas; {@code !} leaves out what a pattern names; {@code #} starts the method part, alternatives
 * separated by {@code +}, each a glob or {@code %regex[...]}: {@code FooTest#bar*+baz}, {@code #plain},
 * {@code !FooTest#slow}, {@code %regex[com.acme.F.*#b.r]}.
 *
 * @param includes the patterns written without {@code !}, in order
 * @param excludes the patterns written with {@code !}, in order
 */
record TestPatterns(List<TestPattern> includes, List<TestPattern> excludes) {

    /** A class part that is missing ({@code #plain}) names every class. */
    private static final String ANY_CLASS = "**/*";
    private static final String REGEX = "%regex[";

    TestPatterns {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /**
     * One pattern.
     *
     * @param classes the classes it names
     * @param methods the method names it names, matched against the whole name; empty when it has no method part,
     *                so it names every method of its classes
     */
    record TestPattern(ClassPattern classes, Optional<Pattern> methods) {

        boolean namesMethods() {
            return methods.isPresent();
        }

        /** Whether it names the method {@code method} of the class at {@code classPath} ({@code com/acme/FooTest}). */
        boolean matches(String classPath, String method) {
            return classes.matches(classPath) && methods.map(m -> m.matcher(method).matches()).orElse(true);
        }
    }

    /** Parse a {@code -Dtest} value; null or blank gives no patterns. */
    static TestPatterns parse(String test) {
        List<TestPattern> includes = new ArrayList<>();
        List<TestPattern> excludes = new ArrayList<>();
        if (test != null) {
            for (String part : test.split(",")) {
                String pattern = part.trim();
                if (!pattern.isEmpty()) {
                    boolean negated = pattern.startsWith("!");
                    (negated ? excludes : includes).add(pattern(negated ? pattern.substring(1).trim() : pattern));
                }
            }
        }
        return new TestPatterns(includes, excludes);
    }

    private static TestPattern pattern(String pattern) {
        if (pattern.startsWith(REGEX) && pattern.endsWith("]") && pattern.contains("#")) {
            // %regex[com.acme.Foo.*#bar.*]: both halves are regular expressions.
            String body = pattern.substring(REGEX.length(), pattern.length() - 1);
            int hash = body.indexOf('#');
            String classPart = hash == 0 ? ANY_CLASS : REGEX + body.substring(0, hash) + "]";
            return new TestPattern(ClassPattern.parse(classPart), Optional.of(Pattern.compile(body.substring(hash + 1))));
        }
        int hash = pattern.indexOf('#');
        String classPart = hash < 0 ? pattern : pattern.substring(0, hash);
        String methodPart = hash < 0 ? "" : pattern.substring(hash + 1).trim();
        return new TestPattern(ClassPattern.parse(classPart.isEmpty() ? ANY_CLASS : classPart),
                methodPart.isEmpty() ? Optional.empty() : Optional.of(methodRegex(methodPart)));
    }

    /** {@code a+b*}: alternatives separated by {@code +}, each a glob ({@code *}, {@code ?}) or {@code %regex[...]}. */
    private static Pattern methodRegex(String methods) {
        List<String> alternatives = new ArrayList<>();
        for (String method : methods.split("\\+")) {
            String text = method.trim();
            if (text.startsWith(REGEX) && text.endsWith("]")) {
                alternatives.add("(?:" + text.substring(REGEX.length(), text.length() - 1) + ")");
            } else if (!text.isEmpty()) {
                alternatives.add(Glob.toRegex(text));
            }
        }
        return Pattern.compile(String.join("|", alternatives));
    }
}
