package com.acme;

/** Process-wide settings, as many applications keep them: a mode and a level, changed through static setters. */
public final class Config {
    private static String mode = "default";
    private static int level = 1;

    private Config() {}

    public static String mode() {
        return mode;
    }

    public static void setMode(String value) {
        mode = value;
    }

    public static int level() {
        return level;
    }

    public static void setLevel(int value) {
        level = value;
    }
}
