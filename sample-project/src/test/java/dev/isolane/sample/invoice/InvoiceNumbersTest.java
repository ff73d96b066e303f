package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {

    @Test
    void startsAgainAtOneForANewYear() {
        InvoiceNumbers.restart();
        assertEquals("INV-0001", InvoiceNumbers.next());
    }
}
