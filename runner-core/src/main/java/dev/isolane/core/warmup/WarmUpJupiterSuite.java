package dev.isolane.core.warmup;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Never run by users: {@link WarmUp} runs it to walk JUnit Jupiter's discovery and execution paths (a pass, a failure,
 * a skip) while a class-data-sharing archive is recorded.
 */
@API(status = INTERNAL, since = "0.1")
public class WarmUpJupiterSuite {

    private int value;

    @BeforeEach
    void setUp() {
        value = 1;
    }

    @Test
    void passes() {
        Assertions.assertEquals(1, value);
        System.out.println("warm-up");
    }

    @Test
    void fails() {
        Assertions.assertEquals(2, value, "a failure, on purpose");
    }

    @Test
    @Disabled("a skip, on purpose")
    void skipped() {}
}
