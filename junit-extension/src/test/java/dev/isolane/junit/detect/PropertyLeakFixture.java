package dev.isolane.junit.detect;

import org.junit.jupiter.api.Test;

/** Leaves a system property set: every class that runs after it in the JVM sees it. */
class PropertyLeakFixture {

    static final String PROPERTY = "isolane.test.leak";

    @Test
    void setsAndForgets() {
        System.setProperty(PROPERTY, "left");
    }
}
