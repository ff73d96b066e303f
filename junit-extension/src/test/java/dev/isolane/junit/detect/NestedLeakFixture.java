package dev.isolane.junit.detect;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The leak is in a {@code @Nested} class: it is reported on the enclosing class, which is what runs as a whole. */
class NestedLeakFixture {

    static final String PROPERTY = "isolane.test.nested";

    @Test
    void outerIsClean() {}

    @Nested
    class Inner {
        @Test
        void setsAndForgets() {
            System.setProperty(PROPERTY, "left");
        }
    }
}
