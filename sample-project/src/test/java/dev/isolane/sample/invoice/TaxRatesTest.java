package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TaxRatesTest {

    @Test
    void knowsTheDefaultRates() {
        assertEquals(new BigDecimal("0.20"), TaxRates.rateFor("FR"));
        assertEquals(new BigDecimal("0.21"), TaxRates.rateFor("NL"));
    }

    @Test
    void refusesUnknownCountries() {
        assertThrows(IllegalArgumentException.class, () -> TaxRates.rateFor("ZZ"));
    }
}
