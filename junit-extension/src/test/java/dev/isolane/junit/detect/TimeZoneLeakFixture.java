package dev.isolane.junit.detect;

import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Switches the default TimeZone and never switches it back. */
class TimeZoneLeakFixture {

    static final String ZONE = "Pacific/Kiritimati";

    @Test
    void movesTheClock() {
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    }
}
