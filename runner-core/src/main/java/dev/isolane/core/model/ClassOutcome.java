package dev.isolane.core.model;

import com.google.gson.annotations.SerializedName;

/** What became of a whole test class. */
public enum ClassOutcome {
    @SerializedName("passed") PASSED,
    @SerializedName("failed") FAILED,
    @SerializedName("error") ERROR,
    @SerializedName("skipped") SKIPPED,
    /** It ran past the configured timeout and was stopped. */
    @SerializedName("timeout") TIMEOUT,
    /** Its JVM died, or it made the JVM exit, before it finished. */
    @SerializedName("crashed") CRASHED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for outcomes that should fail a build. */
    public boolean isProblem() {
        return this != PASSED && this != SKIPPED;
    }
}
