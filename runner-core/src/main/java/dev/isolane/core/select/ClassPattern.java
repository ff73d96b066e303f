package dev.isolane.core.select;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One Surefire-style class pattern, matched against a class file's path without its extension
 * ({@code com/acme/FooTest}). Accepts {@code **}/{@code *}/{@code ?} globs with slashes or dots as package
 * separators, an optional {@code .java} or {@code .class} suffix, and {@code %regex[...]}.
 */
record ClassPattern(String source, Pattern regex) {

    static ClassPattern parse(String pattern) {
        String text = pattern.trim();
        if (text.startsWith("%regex[") && text.endsWith("]")) {
            String body = text.substring("%regex[".length(), text.length() - 1);
            // Surefire matches regexes against the class file path; accept paths with or without ".class".
            return new ClassPattern(pattern, Pattern.compile(body.replaceAll("\\\\?\\.class$", "") + "(\\.class)?"));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".java") || lower.endsWith(".class")) {
            text = text.substring(0, text.lastIndexOf('.'));
        }
        if (!text.contains("/")) {
            text = text.replace('.', '/');
        }
        if (!text.startsWith("**/") && !text.startsWith("/") && text.indexOf('/') < 0) {
            text = "**/" + text;
        }
        if (text.startsWith("/")) {
            text = text.substring(1);
        }
        return new ClassPattern(pattern, Pattern.compile(Glob.pathToRegex(text)));
    }

    boolean matches(String classPath) {
        return regex.matcher(classPath).matches();
    }
}
