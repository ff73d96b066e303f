package com.acme;

/** No test calls this; the report must show it uncovered. */
public final class Untested {
    private Untested() {}

    public static int never() {
        return 42;
    }
}
