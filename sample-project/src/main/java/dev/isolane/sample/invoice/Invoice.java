package dev.isolane.sample.invoice;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** An invoice to a customer in one country, in one currency. */
public final class Invoice {

    /**
     * Strict mode refuses empty invoices. It is read once, when the class is first used, the way many applications
     * read feature switches: changing the property later has no effect in the same JVM.
     */
    static final boolean STRICT = Boolean.getBoolean("invoice.strict");

    private final String number;
    private final String country;
    private final Currency currency;
    private final List<LineItem> lines = new ArrayList<>();

    public Invoice(String country, Currency currency) {
        this.number = InvoiceNumbers.next();
        this.country = country;
        this.currency = currency;
    }

    public Invoice add(LineItem line) {
        if (!line.unitPrice().currency().equals(currency)) {
            throw new IllegalArgumentException("line in " + line.unitPrice().currency() + " on a " + currency
                    + " invoice");
        }
        lines.add(line);
        return this;
    }

    public String number() {
        return number;
    }

    public Money subtotal() {
        if (STRICT && lines.isEmpty()) {
            throw new IllegalStateException("invoice " + number + " has no lines");
        }
        Money sum = Money.zero(currency);
        for (LineItem line : lines) {
            sum = sum.plus(line.total());
        }
        return sum;
    }

    public Money tax() {
        return subtotal().times(TaxRates.rateFor(country)).rounded(Settings.rounding());
    }

    public Money total() {
        return subtotal().plus(tax()).rounded(Settings.rounding());
    }
}
