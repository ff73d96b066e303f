package dev.isolane.junit.detect;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

/** Leaves a system property set, but in a forked JVM of its own: nothing to report in the launching JVM. */
@IsolatedProcess
class ForkedLeakFixture {

    static final String PROPERTY = "isolane.test.forked";

    @Test
    void setsAndForgets() {
        System.setProperty(PROPERTY, "left");
    }
}
