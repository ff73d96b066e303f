package dev.isolane.sample.invoice;

import java.math.RoundingMode;

/** Runtime settings, read from system properties each time so an operator can change them live. */
public final class Settings {

    public static final String ROUNDING = "invoice.rounding";

    private Settings() {}

    /** How totals are rounded to the currency's minor unit; HALF_EVEN (banker's rounding) unless configured. */
    public static RoundingMode rounding() {
        return RoundingMode.valueOf(System.getProperty(ROUNDING, "HALF_EVEN"));
    }
}
