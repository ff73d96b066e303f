package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.gson.annotations.SerializedName;
import org.apiguardian.api.API;

/** Where a test class runs: beside others in the shared JVM, or alone in a fresh one. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Lane {
    @SerializedName("shared") SHARED,
    @SerializedName("isolated") ISOLATED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
