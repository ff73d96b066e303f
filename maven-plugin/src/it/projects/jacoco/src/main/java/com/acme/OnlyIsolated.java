package com.acme;

/** Exercised only by an @IsolatedProcess test, so its coverage comes from a forked JVM. */
public final class OnlyIsolated {
    private OnlyIsolated() {}

    public static String shout(String text) {
        String loud = text.toUpperCase(java.util.Locale.ROOT);
        return loud + "!";
    }
}
