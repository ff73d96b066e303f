package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isolane.junit.IsolatedProcess;
import java.util.Currency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invoice reads strict mode once, when the class initializes. Only a JVM in which no test has touched Invoice yet
 * can test strict mode, so this class gets a fresh one.
 */
@IsolatedProcess
class StrictModeTest {

    @BeforeAll
    static void enableStrictMode() {
        System.setProperty("invoice.strict", "true");
    }

    @Test
    void refusesEmptyInvoices() {
        Invoice empty = new Invoice("DE", Currency.getInstance("EUR"));
        assertThrows(IllegalStateException.class, empty::subtotal);
    }
}
