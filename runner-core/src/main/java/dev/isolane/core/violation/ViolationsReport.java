package dev.isolane.core.violation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.Detection;
import dev.isolane.core.FailOnViolation;
import dev.isolane.core.RunLog;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.Violation;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The console's violations section, printed after the test summary: one entry per piece of state, writers to
 * readers, and what to do. Also the text a build fails with under {@code failOnViolation}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ViolationsReport {

    private ViolationsReport() {}

    public static void print(RunLog log, RunReport report) {
        List<String> notes = report.unattributed();
        if (report.violations().isEmpty()) {
            if (report.config().detection() != Detection.OFF) {
                log.info("Isolation violations: none found (detect=" + report.config().detection().label() + ")");
            }
            notes.forEach(log::info);
            log.info("");
            return;
        }
        log.warn(headline(report.violations()) + " (details in isolane-report.json):");
        for (String line : lines(report.violations())) {
            log.warn(line);
        }
        ConfirmationLines.summary(report).forEach(log::info);
        notes.forEach(log::info);
        log.info("");
    }

    /**
     * What {@code failOnViolation} fails the build with: with {@code confirmed}, only the confirmed violations; null
     * when none of the violations counts.
     */
    public static String failureMessage(RunReport report, FailOnViolation rule) {
        if (rule == FailOnViolation.NEVER) {
            return null;
        }
        if (rule == FailOnViolation.ANY) {
            return report.violations().isEmpty() ? null : failureMessage(report);
        }
        List<Violation> confirmed = report.violations().stream().filter(Violation::isConfirmed).toList();
        if (confirmed.isEmpty()) {
            return null;
        }
        List<String> text = new ArrayList<>();
        text.add("Isolation violations confirmed by replay: " + confirmed.size() + " piece"
                + (confirmed.size() == 1 ? "" : "s") + " of JVM-wide state whose writer changes its reader's"
                + " outcome, and failOnViolation is confirmed:");
        text.addAll(lines(confirmed));
        text.add("");
        text.add("Fix each one as its 'fix:' line says, or set failOnViolation=false to report without failing.");
        return String.join("\n", text);
    }

    /** What {@code failOnViolation} fails the build with. */
    public static String failureMessage(RunReport report) {
        List<String> text = new ArrayList<>();
        text.add(headline(report.violations()) + ", and failOnViolation is set:");
        text.addAll(lines(report.violations()));
        text.add("");
        text.add("Fix each one as its 'fix:' line says, or set failOnViolation=false to report without failing.");
        return String.join("\n", text);
    }

    private static String headline(List<Violation> violations) {
        return "Isolation violations: " + violations.size() + " piece" + (violations.size() == 1 ? "" : "s")
                + " of JVM-wide state shared between test classes in the shared JVM";
    }

    /** The entries, violations confirmed by replay first and those replay did not reproduce last. */
    static List<String> lines(List<Violation> violations) {
        return entries(ConfirmationLines.confirmedFirst(violations), true);
    }

    /**
     * The section's entries, three lines each, indented: the state and whether it was left changed, the classes that
     * changed it and those that saw the change, and the fix.
     *
     * @param readsWatched false where reads cannot be seen (a JVM without Isolane's agent, such as a plain JUnit
     *                     launch): a writer no other writer saw is then named alone, not "-> (no reader seen)"
     */
    public static List<String> entries(List<Violation> violations, boolean readsWatched) {
        List<String> lines = new ArrayList<>();
        for (Violation violation : violations) {
            boolean unseen = violation.readers().isEmpty() && !readsWatched;
            lines.add("  " + describe(violation) + " -- "
                    + (violation.inPlace() == null ? "" : violation.inPlace() + ", ") + state(violation));
            lines.add("    " + String.join(", ", violation.writers()) + (unseen ? "" : " -> " + readers(violation))
                    + (violation.concurrent() ? "  [ran at the same time]" : ""));
            if (violation.confirmation() != null) {
                lines.add("    " + ConfirmationLines.line(violation));
            }
            lines.add("    fix: " + violation.hint());
        }
        return lines;
    }

    /** Readers that are writers too (two classes bumping one counter) read as "each other". */
    static String readers(Violation violation) {
        List<String> others = violation.readers().stream().filter(r -> !violation.writers().contains(r)).toList();
        boolean eachOther = violation.readers().stream().anyMatch(violation.writers()::contains);
        if (others.isEmpty()) {
            return eachOther ? "each other" : "(no reader seen)";
        }
        return String.join(", ", others) + (eachOther ? ", and each other" : "");
    }

    private static String describe(Violation violation) {
        String kind = switch (violation.kind()) {
            case STATIC_FIELD -> "static field ";
            case SYSTEM_PROPERTY -> "system property ";
            default -> "";
        };
        return kind + violation.target();
    }

    private static String state(Violation violation) {
        return violation.restored() ? "restored, but seen while changed" : "left changed";
    }
}
