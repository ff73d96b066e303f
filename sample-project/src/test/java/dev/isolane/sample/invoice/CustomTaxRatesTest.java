package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/**
 * Registers rates in the process-wide TaxRates registry, including a reduced German rate. Beside InvoiceTest in one
 * JVM it would make German invoices come out wrong, so it runs in a JVM of its own.
 */
@IsolatedProcess
class CustomTaxRatesTest {

    @Test
    void usesARegisteredRate() {
        TaxRates.register("XX", new BigDecimal("0.05"));
        Invoice invoice = new Invoice("XX", Currency.getInstance("EUR"))
                .add(new LineItem("book", 1, Money.of("20.00", "EUR")));
        assertEquals(Money.of("21.00", "EUR"), invoice.total());
    }

    @Test
    void replacesAnExistingRate() {
        TaxRates.register("DE", new BigDecimal("0.07"));
        assertEquals(new BigDecimal("0.07"), TaxRates.rateFor("DE"));
    }
}
