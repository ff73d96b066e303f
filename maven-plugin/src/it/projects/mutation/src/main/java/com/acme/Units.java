package com.acme;

import java.util.HashMap;
import java.util.Map;

/** Constant tables, filled once by the class initializer and only read afterwards. */
public final class Units {
    public static final String[] NAMES = {"mm", "cm", "m"};
    private static final Map<String, Integer> FACTORS = new HashMap<>();

    static {
        FACTORS.put("mm", 1);
        FACTORS.put("cm", 10);
        FACTORS.put("m", 1000);
    }

    private Units() {}

    public static int factor(String unit) {
        return FACTORS.get(unit);
    }
}
