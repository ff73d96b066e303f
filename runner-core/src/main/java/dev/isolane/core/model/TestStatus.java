package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.gson.annotations.SerializedName;
import org.apiguardian.api.API;

/** The outcome of one test, as Surefire's reports know it. */
@API(status = EXPERIMENTAL, since = "0.1")
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
