package com.acme;

import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** A failing @BeforeClass: TestNG skips the class's tests. */
public class BrokenSetupNgTest {

    @BeforeClass
    public void setUp() throws InterruptedException {
        Pids.meetTheOtherOfThePair();
        throw new IllegalStateException("setup broke");
    }

    @Test
    public void neverRuns() {}
}
