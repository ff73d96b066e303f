package com.acme;

import java.util.HashSet;
import java.util.Set;

/** Feature toggles switched on for the whole process. */
public final class Features {
    public static final Set<String> ENABLED = new HashSet<>();

    private Features() {}
}
