package dev.isolane.junit.overlap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** Not isolated: meets the forked overlap fixtures from the launching JVM ({@link Rendezvous}). */
class OverlapPlainFixture {

    @Test
    void meetsTheForks(TestReporter reporter) throws Exception {
        Rendezvous.arrive(reporter);
        Rendezvous.leave(reporter);
    }
}
