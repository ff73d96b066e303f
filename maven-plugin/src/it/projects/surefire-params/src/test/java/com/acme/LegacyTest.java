package com.acme;

import org.junit.Test;

/** JUnit 4, through the Vintage engine. */
public class LegacyTest {

    @Test
    public void works() {}
}
