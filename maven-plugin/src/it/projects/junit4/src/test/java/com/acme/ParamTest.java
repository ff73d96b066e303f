package com.acme;

import java.util.Arrays;
import java.util.Collection;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

@RunWith(Parameterized.class)
@Category(FastTests.class)
public class ParamTest {

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> data() {
        return Arrays.asList(new Object[][] {{"a"}, {"b"}});
    }

    private final String value;

    public ParamTest(String value) {
        this.value = value;
    }

    @Test
    public void hasOneChar() {
        org.junit.Assert.assertEquals(1, value.length());
    }
}
