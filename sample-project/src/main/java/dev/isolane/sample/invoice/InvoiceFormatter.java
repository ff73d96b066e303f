package dev.isolane.sample.invoice;

import java.text.NumberFormat;
import java.util.Locale;

/** Formats amounts for people, in the JVM's default format locale. */
public final class InvoiceFormatter {

    private InvoiceFormatter() {}

    public static String format(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.getDefault(Locale.Category.FORMAT));
        format.setCurrency(money.currency());
        return format.format(money.amount());
    }
}
