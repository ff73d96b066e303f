package com.acme;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A lazily filled cache: whichever class asks first computes a name, and every class would compute the same one. */
public final class CountryNames {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CountryNames() {}

    public static String name(String code) {
        return CACHE.computeIfAbsent(code, CountryNames::compute);
    }

    private static String compute(String code) {
        return switch (code) {
            case "DE" -> "Germany";
            case "FR" -> "France";
            default -> "Unknown";
        };
    }
}
