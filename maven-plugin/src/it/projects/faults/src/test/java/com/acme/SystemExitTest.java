package com.acme;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.MethodName.class)
class SystemExitTest {

    @Test
    void aPassesFirst() {
        Recorder.record(getClass(), System.currentTimeMillis());
    }

    @Test
    void exits() {
        System.out.println("SystemExitTest is about to call System.exit(3)");
        System.exit(3);
    }
}
