package dev.isolane.core.model;

import com.google.gson.annotations.SerializedName;

/** The outcome of one test, as Surefire's reports know it. */
public enum TestStatus {
    @SerializedName("passed") PASSED,
    /** An assertion failed. */
    @SerializedName("failed") FAILED,
    /** Anything else was thrown. */
    @SerializedName("error") ERROR,
    /** Disabled, or an assumption did not hold. */
    @SerializedName("skipped") SKIPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
