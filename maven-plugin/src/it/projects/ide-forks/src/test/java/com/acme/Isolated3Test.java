package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class Isolated3Test {

    @Test
    void meetsTheOthers() throws Exception {
        Meeting.attend(getClass());
    }
}
