package dev.isolane.sample.invoice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class RoundingSettingsTest {

    @Test
    void roundsHalfEvenByDefault() {
        System.clearProperty(Settings.ROUNDING);
        assertEquals(RoundingMode.HALF_EVEN, Settings.rounding());
    }

    @Test
    void operatorsCanChooseAnotherRounding() {
        System.setProperty(Settings.ROUNDING, "DOWN");
        assertEquals(RoundingMode.DOWN, Settings.rounding());
        // Forgets to clear the property: every class that runs later in this JVM rounds down.
    }
}
