package com.acme;

import dev.isolane.junit.IsolatedProcess;
import org.junit.jupiter.api.Test;

@IsolatedProcess
class IsolatedTwoTest {

    @Test
    void records() {
        JvmRecord.write(getClass());
    }
}
