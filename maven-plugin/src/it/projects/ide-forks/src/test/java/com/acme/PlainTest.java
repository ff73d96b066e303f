package com.acme;

import org.junit.jupiter.api.Test;

class PlainTest {

    @Test
    void meetsTheForks() throws Exception {
        Meeting.attend(getClass());
    }
}
