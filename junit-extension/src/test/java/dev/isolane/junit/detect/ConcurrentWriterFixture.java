package dev.isolane.junit.detect;

import org.junit.jupiter.api.Test;

/** Leaves a system property set while {@link ConcurrentBystanderFixture} runs beside it. */
class ConcurrentWriterFixture {

    @Test
    void setsWhileTheOtherRuns() throws Exception {
        Together.meet();
        System.setProperty(Together.PROPERTY, "left");
        Together.meet();
    }
}
