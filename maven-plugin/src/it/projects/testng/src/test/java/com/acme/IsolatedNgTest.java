package com.acme;

import static org.testng.Assert.assertNull;

import dev.isolane.junit.IsolatedProcess;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** A TestNG class that must have a JVM of its own: it sets a system property and never restores it. */
@IsolatedProcess
public class IsolatedNgTest {

    @BeforeClass
    public void claimTheJvm() {
        assertNull(System.getProperty("acme.owner"), "another class set it in this JVM");
        System.setProperty("acme.owner", getClass().getName());
    }

    @Test
    public void runsAlone() {
        Pids.record(getClass());
    }
}
