package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvoiceNumbersTest {

    @Test
    void startsAgainFromTheBeginningForANewYear() {
        InvoiceNumbers.restart();
        // Not "INV-0001" exactly: classes beside this one in the shared JVM may take numbers in between.
        assertTrue(InvoiceNumbers.next().compareTo("INV-0100") < 0);
    }
}
