package com.acme;

/** Exercised by the tests in the shared JVM. */
public final class Shared {
    private Shared() {}

    public static int twice(int value) {
        return value * 2;
    }
}
