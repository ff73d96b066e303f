package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LineItemTest {

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({"1, 9.99, 9.99", "3, 2.50, 7.50", "12, 0.10, 1.20"})
    void multipliesUnitPriceByQuantity(int quantity, String unitPrice, String total) {
        LineItem line = new LineItem("widget", quantity, Money.of(unitPrice, "EUR"));
        assertEquals(0, line.total().amount().compareTo(new java.math.BigDecimal(total)));
    }

    @Test
    void refusesNonPositiveQuantities() {
        assertThrows(IllegalArgumentException.class, () -> new LineItem("widget", 0, Money.of("1", "EUR")));
    }
}
