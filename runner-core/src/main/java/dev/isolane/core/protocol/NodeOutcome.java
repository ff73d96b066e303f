package dev.isolane.core.protocol;

import com.google.gson.annotations.SerializedName;

/** How a test plan node finished, as JUnit's {@code TestExecutionResult.Status} says. */
public enum NodeOutcome {
    @SerializedName("successful") SUCCESSFUL,
    @SerializedName("aborted") ABORTED,
    @SerializedName("failed") FAILED
}
