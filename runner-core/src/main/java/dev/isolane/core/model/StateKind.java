package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;
import org.apiguardian.api.API;

/** What sort of JVM-wide state a violation is about; the labels are the {@code kind} values of the JSON report. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum StateKind {
    @SerializedName("static-field") STATIC_FIELD,
    @SerializedName("system-property") SYSTEM_PROPERTY,
    @SerializedName("default-locale") DEFAULT_LOCALE,
    @SerializedName("default-timezone") DEFAULT_TIMEZONE,
    @SerializedName("system-stream") SYSTEM_STREAM,
    @SerializedName("other-global") OTHER_GLOBAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Everything but static fields: state of the JDK itself, compared before and after each class. */
    public boolean isGlobal() {
        return this != STATIC_FIELD;
    }
}
