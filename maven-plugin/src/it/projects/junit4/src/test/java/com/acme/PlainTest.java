package com.acme;

import static org.junit.Assert.assertEquals;

import org.junit.Assume;
import org.junit.Ignore;
import org.junit.Test;
import org.junit.experimental.categories.Category;

public class PlainTest {

    @Test
    @Category(FastTests.class)
    public void passes() {}

    @Test
    public void fails() {
        assertEquals("legacy boom", 1, 2);
    }

    @Test
    public void errors() {
        throw new IllegalStateException("legacy error");
    }

    @Test
    @Ignore("not today")
    public void ignored() {}

    @Test
    public void assumed() {
        Assume.assumeTrue("no", false);
    }
}
