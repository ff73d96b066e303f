package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void addsGermanVatToTheSubtotal() {
        Invoice invoice = new Invoice("DE", EUR)
                .add(new LineItem("consulting", 2, Money.of("50.00", "EUR")));
        assertEquals(Money.of("100.00", "EUR"), invoice.subtotal());
        assertEquals(Money.of("19.00", "EUR"), invoice.tax());
        assertEquals(Money.of("119.00", "EUR"), invoice.total());
    }

    @Test
    void chargesNoVatInTheUnitedStates() {
        Invoice invoice = new Invoice("US", Currency.getInstance("USD"))
                .add(new LineItem("licence", 1, Money.of("40.00", "USD")));
        assertEquals(Money.of("40.00", "USD"), invoice.total());
    }

    @Test
    void numbersEveryInvoice() {
        // Only the form is asserted: InvoiceNumbersTest restarts the shared counter while this class may run, which
        // is exactly the isolation violation Isolane reports for InvoiceNumbers.next.
        String number = new Invoice("FR", EUR).number();
        assertTrue(number.matches("INV-\\d{4}"), number);
    }

    @Test
    void refusesLinesInAnotherCurrency() {
        Invoice invoice = new Invoice("NL", EUR);
        assertThrows(IllegalArgumentException.class,
                () -> invoice.add(new LineItem("hosting", 1, Money.of("10", "USD"))));
    }
}
