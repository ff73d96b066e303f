package com.acme;

import static org.testng.Assert.assertEquals;

import org.testng.SkipException;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Every TestNG outcome: passed, failed, error, skipped, skipped because a dependency failed, data-driven. */
public class CalculatorTest {

    @BeforeClass
    public void meet() throws InterruptedException {
        Pids.meetTheOtherOfThePair();
    }

    @Test
    public void adds() {
        Pids.record(getClass());
        assertEquals(1 + 1, 2);
    }

    @Test
    public void failsAnAssertion() {
        assertEquals(1 + 1, 3, "arithmetic");
    }

    @Test
    public void throwsAnError() {
        throw new IllegalStateException("broken");
    }

    @Test
    public void skipsItself() {
        throw new SkipException("not today");
    }

    @Test(dependsOnMethods = "failsAnAssertion")
    public void dependsOnAFailure() {}

    @Test(enabled = false)
    public void disabled() {}

    @DataProvider
    public Object[][] squares() {
        return new Object[][] {{2, 4}, {3, 9}, {4, 15}};
    }

    @Test(dataProvider = "squares")
    public void squares(int n, int square) {
        assertEquals(n * n, square);
    }
}
