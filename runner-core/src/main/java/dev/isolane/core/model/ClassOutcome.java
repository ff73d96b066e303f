package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.gson.annotations.SerializedName;
import org.apiguardian.api.API;

/** What became of a whole test class. */
@API(status = EXPERIMENTAL, since = "0.1")
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
