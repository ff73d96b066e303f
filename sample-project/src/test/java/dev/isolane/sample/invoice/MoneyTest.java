package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAmountsOfOneCurrency() {
        assertEquals(Money.of("3.75", "EUR"), Money.of("1.25", "EUR").plus(Money.of("2.50", "EUR")));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
    }

    @Test
    void roundsToTheMinorUnitOfItsCurrency() {
        assertEquals(Money.of("2.68", "EUR"), Money.of("2.675", "EUR").rounded(RoundingMode.HALF_UP));
        assertEquals(Money.of("3", "JPY"), Money.of("2.675", "JPY").rounded(RoundingMode.HALF_UP));
    }
}
