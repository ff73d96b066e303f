package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.Test;

@IsolatedProcess
public class IsolatedLegacyTest {

    @Test
    public void runsAlone() {
        System.out.println("legacy isolated pid " + ProcessHandle.current().pid());
    }
}
