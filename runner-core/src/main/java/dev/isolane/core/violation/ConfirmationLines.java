package dev.isolane.core.violation;

import dev.isolane.core.RunReport;
import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.ReplaySummary;
import dev.isolane.core.model.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The console's words for what replaying the violations showed. */
final class ConfirmationLines {

    /** A unique id's segments: {@code [method:readsMode()]}. */
    private static final Pattern SEGMENT = Pattern.compile("\\[([^:\\]]+):([^\\]]*)\\]");
    private static final int MESSAGE_LIMIT = 200;
    private static final int REASONS_SHOWN = 3;

    private ConfirmationLines() {}

    /** Confirmed first, then those not tried (or not replayed at all), then those replay did not reproduce. */
    static List<Violation> confirmedFirst(List<Violation> violations) {
        return violations.stream().sorted(Comparator.comparingInt(ConfirmationLines::rank)).toList();
    }

    private static int rank(Violation violation) {
        Confirmation confirmation = violation.confirmation();
        if (confirmation == null) {
            return 1;
        }
        return switch (confirmation.status()) {
            case CONFIRMED -> 0;
            case NOT_TRIED -> 1;
            case NOT_REPRODUCED -> 2;
        };
    }

    /** One line under a violation: {@code confirmed: PolluterTest breaks VictimTest.readsMode: expected <a> ...}. */
    static String line(Violation violation) {
        Confirmation confirmation = violation.confirmation();
        return switch (confirmation.status()) {
            case CONFIRMED -> "confirmed: " + breaks(confirmation);
            case NOT_REPRODUCED -> "not reproduced: " + OutcomeComparison.simpleName(confirmation.reader())
                    + "'s tests had the same outcomes alone and after " + OutcomeComparison.simpleName(
                    confirmation.writer())
                    // A restored change is gone before the next class starts: only classes running at once see it.
                    + (violation.restored() ? " (the writer restores it: only a run at the same time can show it)"
                    : "");
            case NOT_TRIED -> "not tried: " + confirmation.reason();
        };
    }

    /**
     * {@code PolluterTest breaks VictimTest.readsDefaultMode: expected <a> but was <b>}, or, for a test that fails
     * alone and passes after the writer, {@code VictimTest.readsRegistry needs FillerTest first: ...}.
     */
    static String breaks(Confirmation confirmation) {
        String writer = OutcomeComparison.simpleName(confirmation.writer());
        String test = testName(confirmation.test(), confirmation.reader());
        String reader = OutcomeComparison.simpleName(confirmation.reader()) + (test.isEmpty() ? "" : "." + test);
        String message = firstLine(confirmation.message());
        boolean needsWriter = confirmation.message() != null
                && confirmation.message().contains(OutcomeComparison.FAILS_ALONE);
        return needsWriter ? reader + " needs " + writer + " first: " + message
                : writer + " breaks " + reader + ": " + message;
    }

    /**
     * The test's name from its unique id: the last segment's value, without the {@code ()} of a method that takes no
     * parameters and without the class JUnit 4 adds; empty when the last segment is the class itself.
     */
    static String testName(String uniqueId, String className) {
        if (uniqueId == null) {
            return "";
        }
        Matcher segment = SEGMENT.matcher(uniqueId);
        String type = null;
        String value = null;
        while (segment.find()) {
            type = segment.group(1);
            value = segment.group(2);
        }
        if (value == null) {
            return uniqueId;
        }
        if (type.equals("class") || type.equals("runner") || value.equals(className)) {
            return "";
        }
        if (value.endsWith("(" + className + ")")) {
            return value.substring(0, value.length() - className.length() - 2); // JUnit 4: readsMode(com.acme.Test)
        }
        return value.endsWith("()") ? value.substring(0, value.length() - 2) : value;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip() + " ...";
        }
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + " ...";
    }

    /**
     * The summary after the violations: how many were replayed, in what time against what budget, and, once, why
     * the ones not tried were not (besides having no reader).
     */
    static List<String> summary(RunReport report) {
        ReplaySummary replay = report.replay();
        List<String> lines = new ArrayList<>();
        if (replay == null) {
            return lines;
        }
        long notReproduced = count(report, Confirmation.Status.NOT_REPRODUCED);
        long notTried = count(report, Confirmation.Status.NOT_TRIED);
        lines.add(String.format(Locale.ROOT, "Confirmation: replayed %d of %d violation%s in %.1f s (%s): %d"
                        + " confirmed, %d not reproduced, %d not tried", replay.replayed(), replay.violations(),
                replay.violations() == 1 ? "" : "s", replay.durationMillis() / 1000.0,
                replay.budgetMillis() < 0 ? "confirm=all, no budget"
                        : String.format(Locale.ROOT, "budget %.1f s", replay.budgetMillis() / 1000.0),
                replay.confirmed(), notReproduced, notTried));
        Set<String> reasons = new LinkedHashSet<>();
        for (Violation violation : report.violations()) {
            Confirmation confirmation = violation.confirmation();
            if (confirmation != null && confirmation.status() == Confirmation.Status.NOT_TRIED
                    && !ReplaySchedule.NO_READER.equals(confirmation.reason())) {
                reasons.add(confirmation.reason());
            }
        }
        if (!reasons.isEmpty()) {
            List<String> shown = reasons.stream().limit(REASONS_SHOWN).toList();
            lines.add("Confirmation: not tried: " + String.join("; ", shown)
                    + (reasons.size() > shown.size() ? "; and " + (reasons.size() - shown.size()) + " more reasons"
                    + " (isolane-report.json)" : ""));
        }
        return lines;
    }

    private static long count(RunReport report, Confirmation.Status status) {
        return report.violations().stream().filter(v -> v.confirmation() != null
                && v.confirmation().status() == status).count();
    }
}
