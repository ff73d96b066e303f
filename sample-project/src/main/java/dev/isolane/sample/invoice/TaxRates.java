package dev.isolane.sample.invoice;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VAT rate of each country, for the whole application. It is a process-wide registry: a plug-in registers the
 * rates of the countries it serves at start-up, and every invoice reads them.
 */
public final class TaxRates {

    private static final Map<String, BigDecimal> RATES = new ConcurrentHashMap<>(Map.of(
            "DE", new BigDecimal("0.19"),
            "FR", new BigDecimal("0.20"),
            "NL", new BigDecimal("0.21"),
            "US", BigDecimal.ZERO));

    private TaxRates() {}

    public static BigDecimal rateFor(String country) {
        BigDecimal rate = RATES.get(country);
        if (rate == null) {
            throw new IllegalArgumentException("no VAT rate registered for " + country);
        }
        return rate;
    }

    /** Register or replace a country's rate, for every invoice from now on. */
    public static void register(String country, BigDecimal rate) {
        RATES.put(country, rate);
    }
}
