package dev.isolane.junit.overlap;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;

/** Meets the other overlap fixtures in its forked JVM ({@link Rendezvous}). */
@IsolatedProcess
@TestMethodOrder(MethodOrderer.MethodName.class)
class OverlapThreeFixture {

    @Test
    void a1Arrives(TestReporter reporter) throws Exception {
        Rendezvous.arrive(reporter);
    }

    @Test
    void a2Works() {
        // a test between the two, so that each class has more than one event to keep in order
    }

    @Test
    void a3Leaves(TestReporter reporter) {
        Rendezvous.leave(reporter);
    }
}
