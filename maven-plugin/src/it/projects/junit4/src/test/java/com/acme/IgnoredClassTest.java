package com.acme;

import org.junit.Ignore;
import org.junit.Test;

@Ignore("whole class off")
public class IgnoredClassTest {

    @Test
    public void one() {}
}
