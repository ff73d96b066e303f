package dev.isolane.junit.detect;

import dev.isolane.core.violation.ViolationFinder;
import dev.isolane.core.violation.ViolationsReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of the report: the entries and fixes of the Maven plugin's violations section, under a headline and a
 * footer that say what a plain launch watched and how to switch it off.
 */
final class ViolationSection {

    static final String FOOTER = "Isolane compared the JVM globals (system properties, default Locale and TimeZone,"
            + " System streams, ...) before and after each test class in this JVM. Fix each class as its 'fix:' line"
            + " says, or switch this report off with isolane.detect=off in junit-platform.properties.";

    private ViolationSection() {}

    /** The lines to print, or none when nothing was found. */
    static List<String> lines(ViolationFinder.Findings findings) {
        int count = findings.violations().size();
        if (count == 0 && findings.notes().isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(count == 0
                ? "Isolation violations: JVM-wide state changed in this JVM that Isolane cannot blame on one test class:"
                : "Isolation violations: " + count + " piece" + (count == 1 ? "" : "s")
                        + " of JVM-wide state left changed by test classes in this JVM:");
        lines.addAll(ViolationsReport.entries(findings.violations(), false));
        findings.notes().forEach(note -> lines.add("  " + note));
        lines.add(FOOTER);
        return lines;
    }
}
