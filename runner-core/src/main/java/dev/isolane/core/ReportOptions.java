package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What the reports and the console show, with Surefire's parameters of the same names.
 *
 * @param nameSuffix        Surefire's {@code reportNameSuffix}: added to report file names
 *                          ({@code TEST-<class>-<suffix>.xml}, {@code <class>-<suffix>-output.txt}) and, in
 *                          parentheses, to the class names inside the XML; empty for none
 * @param xml               whether {@code TEST-*.xml} is written ({@code disableXmlReport} turns it off)
 * @param outErrElements    whether a passing test's output goes into its {@code system-out}/{@code system-err}
 *                          elements; a test that did not pass always keeps them
 * @param propertiesElement whether every class's XML holds the worker JVM's system properties; when false only
 *                          classes with a test that did not pass do
 * @param printSummary      whether the console shows each class and the totals; when false it shows the classes
 *                          that failed and the failures, errors and flakes
 * @param progress          whether the console shows a progress line while classes run (at most every 10 s)
 * @param commandLine       the command that runs the build again, for the reports to show; null when not known
 * @param statusLine        whether the console is an interactive terminal (not a CI log, not a file), on which the
 *                          progress is one status line redrawn in place about once a second instead
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReportOptions(String nameSuffix, boolean xml, boolean outErrElements, boolean propertiesElement,
        boolean printSummary, boolean progress, String commandLine, boolean statusLine) {

    /** Surefire's defaults: no suffix, XML with everything in it, a console summary; and progress lines. */
    public static final ReportOptions DEFAULTS = new ReportOptions("", true, true, true, true);

    /** Options with progress lines and no command line. */
    public ReportOptions(String nameSuffix, boolean xml, boolean outErrElements, boolean propertiesElement,
            boolean printSummary) {
        this(nameSuffix, xml, outErrElements, propertiesElement, printSummary, true, null);
    }

    /** Options whose progress, if on, is a line at most every 10 s (a console that is not a terminal). */
    public ReportOptions(String nameSuffix, boolean xml, boolean outErrElements, boolean propertiesElement,
            boolean printSummary, boolean progress, String commandLine) {
        this(nameSuffix, xml, outErrElements, propertiesElement, printSummary, progress, commandLine, false);
    }

    public ReportOptions {
        commandLine = commandLine == null || commandLine.isBlank() ? null : commandLine;
        nameSuffix = nameSuffix == null ? "" : nameSuffix.trim();
        if (nameSuffix.contains("/") || nameSuffix.contains("\\") || nameSuffix.contains("\0")) {
            throw new InvalidConfigException("reportNameSuffix", nameSuffix,
                    "It becomes part of file names: use letters, digits, '.', '-' or '_', such as jdk17.");
        }
    }

    /**
     * An on/off parameter such as {@code progress}: {@code on} or {@code off} ({@code true} and {@code false} too);
     * unset is on.
     *
     * @throws InvalidConfigException for anything else
     */
    public static boolean switchedOn(String parameter, String value) {
        if (value == null) {
            return true; // an empty element, which Maven passes as null: the default
        }
        String text = value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new InvalidConfigException(parameter, value, "Use on or off.");
        };
    }

    /** {@code TEST-<class>.xml}, or {@code TEST-<class>-<suffix>.xml}. */
    public String xmlFileName(String className) {
        return "TEST-" + className + suffixed("-") + ".xml";
    }

    /** {@code <class>-output.txt}, or {@code <class>-<suffix>-output.txt}. */
    public String outputFileName(String className) {
        return className + suffixed("-") + "-output.txt";
    }

    /** The class name in the XML's {@code testsuite name} and {@code testcase classname}: {@code <class>(<suffix>)}. */
    public String reportedClassName(String className) {
        return nameSuffix.isEmpty() ? className : className + "(" + nameSuffix + ")";
    }

    private String suffixed(String separator) {
        return nameSuffix.isEmpty() ? "" : separator + nameSuffix;
    }
}
