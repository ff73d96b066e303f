package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isolane.junit.IsolatedProcess;
import java.util.TimeZone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Leaves the default TimeZone changed: reported when it runs in the launching JVM, not when it runs in a fork. */
@IsolatedProcess
class IsolatedPassTest {

    @Test
    void adds() {
        Recorder.record(getClass());
        System.out.println("IsolatedPassTest prints from pid " + ProcessHandle.current().pid());
        assertEquals(2, Calculator.add(1, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void addsZero(int value) {
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        assertEquals(value, Calculator.add(value, 0));
    }

    @Nested
    class Inner {
        @Test
        void addsNegative() {
            assertEquals(0, Calculator.add(1, -1));
        }
    }
}
