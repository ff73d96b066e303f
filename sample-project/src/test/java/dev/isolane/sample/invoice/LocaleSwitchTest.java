package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Formats for a German customer by switching the JVM's default locale, and puts it back afterwards. */
class LocaleSwitchTest {

    private Locale saved;

    @BeforeEach
    void useGermanFormats() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void formatsEurosTheGermanWay() {
        assertEquals("1.234,50\u00a0€", InvoiceFormatter.format(Money.of("1234.50", "EUR")));
    }
}
