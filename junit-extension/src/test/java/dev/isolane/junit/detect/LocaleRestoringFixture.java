package dev.isolane.junit.detect;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Switches the default Locale for its test and puts it back, as a well-behaved class does. */
class LocaleRestoringFixture {

    private Locale saved;

    @BeforeEach
    void switchLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(saved.equals(Locale.GERMANY) ? Locale.FRANCE : Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void runsWithTheSwitchedLocale() {
        assertNotEquals(saved, Locale.getDefault());
    }
}
