package dev.isolane.core.warmup;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.Assert;
import org.junit.Ignore;
import org.junit.Test;

/** Never run by users: the JUnit 4 counterpart of {@link WarmUpJupiterSuite}, for suites that run on Vintage. */
@API(status = INTERNAL, since = "0.1")
public class WarmUpVintageSuite {

    @Test
    public void passes() {
        Assert.assertEquals(1, 1);
    }

    @Test
    public void fails() {
        Assert.fail("a failure, on purpose");
    }

    @Ignore("a skip, on purpose")
    @Test
    public void skipped() {}
}
