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
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReportOptions(String nameSuffix, boolean xml, boolean outErrElements, boolean propertiesElement,
        boolean printSummary) {

    /** Surefire's defaults: no suffix, XML with everything in it, a console summary. */
    public static final ReportOptions DEFAULTS = new ReportOptions("", true, true, true, true);

    public ReportOptions {
        nameSuffix = nameSuffix == null ? "" : nameSuffix.trim();
        if (nameSuffix.contains("/") || nameSuffix.contains("\\") || nameSuffix.contains("\0")) {
            throw new InvalidConfigException("reportNameSuffix", nameSuffix,
                    "It becomes part of file names: use letters, digits, '.', '-' or '_', such as jdk17.");
        }
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
