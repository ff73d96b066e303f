package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvoiceFormatterTest {

    @Test
    void showsTheAmountWithItsCurrency() {
        String text = InvoiceFormatter.format(Money.of("1234.50", "EUR"));
        assertTrue(text.contains("234"), text);
        assertTrue(text.contains("€") || text.contains("EUR"), text);
    }
}
