package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.gson.annotations.SerializedName;
import org.apiguardian.api.API;

/** How a test plan node finished, as JUnit's {@code TestExecutionResult.Status} says. */
@API(status = INTERNAL, since = "0.1")
public enum NodeOutcome {
    @SerializedName("successful") SUCCESSFUL,
    @SerializedName("aborted") ABORTED,
    @SerializedName("failed") FAILED
}
