package com.acme;

/** Process-wide settings, as many applications keep them. */
public final class Registry {
    public static String mode = "safe";

    private Registry() {}
}
