package dev.isolane.junit.detect;

import org.junit.jupiter.api.Test;

/** Runs beside {@link ConcurrentWriterFixture} and changes nothing. */
class ConcurrentBystanderFixture {

    @Test
    void justRuns() throws Exception {
        Together.meet();
        Together.meet();
    }
}
