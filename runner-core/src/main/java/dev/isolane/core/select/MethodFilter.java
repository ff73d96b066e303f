package dev.isolane.core.select;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The method part of Surefire's {@code -Dtest}: {@code FooTest#bar*}, {@code FooTest#a+b}, {@code #plain},
 * {@code !FooTest#slow}. The coordinator picks classes with {@link TestSelection}; each worker asks this filter about
 * every test method JUnit discovers. A test runs when an included pattern names its class and method (or there are no
 * included method patterns at all) and no excluded pattern does. Patterns without a method part say nothing here.
 */
public final class MethodFilter {

    private record Rule(ClassPattern classPattern, Pattern methods) {
        boolean matches(String classPath, String method) {
            return classPattern.matches(classPath) && (methods == null || methods.matcher(method).matches());
        }
    }

    private final List<Rule> includes;
    private final List<Rule> excludes;
    private final boolean anyMethodPattern;

    private MethodFilter(List<Rule> includes, List<Rule> excludes, boolean anyMethodPattern) {
        this.includes = includes;
        this.excludes = excludes;
        this.anyMethodPattern = anyMethodPattern;
    }

    /** Parse a {@code -Dtest} value; null or blank gives a filter that lets everything run. */
    public static MethodFilter parse(String test) {
        List<Rule> includes = new ArrayList<>();
        List<Rule> excludes = new ArrayList<>();
        boolean anyMethodPattern = false;
        if (test != null) {
            for (String part : test.split(",")) {
                String pattern = part.trim();
                if (pattern.isEmpty()) {
                    continue;
                }
                boolean negated = pattern.startsWith("!");
                Rule rule = rule(negated ? pattern.substring(1).trim() : pattern);
                anyMethodPattern |= rule.methods() != null;
                (negated ? excludes : includes).add(rule);
            }
        }
        return new MethodFilter(List.copyOf(includes), List.copyOf(excludes), anyMethodPattern);
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
        boolean included = includes.isEmpty() || includes.stream().anyMatch(rule -> rule.matches(classPath, method));
        return included && excludes.stream().noneMatch(rule -> rule.matches(classPath, method));
    }

    private static Rule rule(String pattern) {
        String classPart;
        String methodPart;
        if (pattern.startsWith("%regex[") && pattern.endsWith("]") && pattern.contains("#")) {
            // %regex[com.acme.Foo.*#bar.*]: both halves are regular expressions.
            String body = pattern.substring("%regex[".length(), pattern.length() - 1);
            int hash = body.indexOf('#');
            classPart = "%regex[" + (hash == 0 ? ".*" : body.substring(0, hash)) + "]";
            return new Rule(ClassPattern.parse(classPart), Pattern.compile(body.substring(hash + 1)));
        }
        int hash = pattern.indexOf('#');
        classPart = TestSelection.classPartOf(pattern);
        methodPart = hash < 0 ? "" : pattern.substring(hash + 1).trim();
        return new Rule(ClassPattern.parse(classPart), methodPart.isEmpty() ? null : methodRegex(methodPart));
    }

    /** {@code a+b*}: alternatives separated by {@code +}, each a glob ({@code *}, {@code ?}) or {@code %regex[...]}. */
    private static Pattern methodRegex(String methods) {
        List<String> alternatives = new ArrayList<>();
        for (String method : methods.split("\\+")) {
            String text = method.trim();
            if (text.startsWith("%regex[") && text.endsWith("]")) {
                alternatives.add("(?:" + text.substring("%regex[".length(), text.length() - 1) + ")");
            } else if (!text.isEmpty()) {
                alternatives.add(Glob.toRegex(text));
            }
        }
        return Pattern.compile(String.join("|", alternatives));
    }
}
