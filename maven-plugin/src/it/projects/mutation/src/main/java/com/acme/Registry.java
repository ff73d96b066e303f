package com.acme;

import java.util.HashMap;
import java.util.Map;

/** A process-wide registry of handlers by name, as plugin systems keep them: its map is final, its contents are not. */
public final class Registry {
    private static final Map<String, String> ENTRIES = new HashMap<>();

    static {
        ENTRIES.put("csv", "CsvHandler");
        ENTRIES.put("json", "JsonHandler");
        ENTRIES.put("xml", "XmlHandler");
    }

    private Registry() {}

    public static void register(String name, String handler) {
        ENTRIES.put(name, handler);
    }

    public static String lookup(String name) {
        return ENTRIES.get(name);
    }
}
