package com.acme;

/** Per-tier limits, kept in an array that anyone holding it can write to. */
public final class Limits {
    public static final int[] MAX = {10, 20, 30};

    private Limits() {}
}
