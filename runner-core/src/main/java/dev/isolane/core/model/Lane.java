package dev.isolane.core.model;

import com.google.gson.annotations.SerializedName;

/** Where a test class runs: beside others in the shared JVM, or alone in a fresh one. */
public enum Lane {
    @SerializedName("shared") SHARED,
    @SerializedName("isolated") ISOLATED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
