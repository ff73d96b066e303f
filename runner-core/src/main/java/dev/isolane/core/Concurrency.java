package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** Parses Surefire-style counts: a whole number ({@code 4}) or a multiple of the CPU cores ({@code 1C}, {@code 1.5C}). */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Concurrency {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([cC]?)\\s*");

    private Concurrency() {}

    public static int parse(String parameter, String value, int cores) {
        return parse(parameter, value, cores, "");
    }

    /** @param otherForms what the parameter also accepts, named first in an error: {@code "auto (the default), "} */
    static int parse(String parameter, String value, int cores, String otherForms) {
        Matcher matcher = FORM.matcher(value == null ? "" : value);
        if (!matcher.matches()) {
            throw invalid(parameter, value, otherForms);
        }
        double number = Double.parseDouble(matcher.group(1));
        boolean perCore = !matcher.group(2).isEmpty();
        if (!perCore && matcher.group(1).contains(".")) {
            throw invalid(parameter, value, otherForms);
        }
        int count = perCore ? (int) (number * cores) : (int) number;
        if (count < 1) {
            throw new InvalidConfigException(parameter, value, "It must come to at least 1"
                    + (perCore ? " (with " + cores + " cores, " + value + " is " + count + ")" : "")
                    + "; use " + otherForms + "a whole number such as 2, or a multiple of the cores such as 1C or 1.5C.");
        }
        return count;
    }

    private static InvalidConfigException invalid(String parameter, String value, String otherForms) {
        return new InvalidConfigException(parameter, value, "Use " + otherForms
                + "a whole number of at least 1, such as 2, or a multiple of the CPU cores, such as 1C or 1.5C.");
    }
}
