package dev.isolane.core.coordinator;

import dev.isolane.core.model.TestResult;

/**
 * Surefire's {@code trimStackTrace}: a failure's trace keeps its exception lines ("Caused by" included) and only the
 * frames of the test class (nested classes included). A trace with no frame in the test class stays whole, since
 * trimming it would leave nothing to go on.
 */
final class StackTraces {

    private StackTraces() {}

    static TestResult trimmed(TestResult test, String testClass) {
        if (test.stackTrace() == null) {
            return test;
        }
        return test.withStackTrace(trim(test.stackTrace(), test.reportClass() == null ? testClass
                : test.reportClass()));
    }

    static String trim(String trace, String testClass) {
        String outer = testClass.contains("$") ? testClass.substring(0, testClass.indexOf('$')) : testClass;
        StringBuilder kept = new StringBuilder();
        boolean anyFrame = false;
        for (String line : trace.split("\\R")) {
            String text = line.strip();
            if (text.startsWith("at ")) {
                String frame = text.substring(3);
                int paren = frame.indexOf('(');
                int slash = frame.lastIndexOf('/', paren < 0 ? frame.length() : paren);
                frame = frame.substring(slash + 1); // drop "app//" or "module@1.0/"
                if (frame.startsWith(outer + ".") || frame.startsWith(outer + "$")) {
                    kept.append(line).append('\n');
                    anyFrame = true;
                }
            } else if (!text.startsWith("...")) {
                kept.append(line).append('\n');
            }
        }
        return anyFrame ? kept.toString() : trace;
    }
}
