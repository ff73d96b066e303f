package dev.isolane.core.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What replaying a violation showed: the reader class run alone in a fresh JVM, and the writer class followed by the
 * reader in another. Null fields are left out of the JSON report.
 *
 * @param status  confirmed, not reproduced, or not tried
 * @param writer  the writer class replayed (confirmed and not reproduced)
 * @param reader  the reader class replayed (confirmed and not reproduced)
 * @param test    confirmed only: the unique id of the reader's test whose outcome changed
 * @param message confirmed only: that test's failure message, from the run in which it failed
 * @param reason  not tried only: why not (no reader seen, out of budget, the replay JVM crashed, ...)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Confirmation(Status status, String writer, String reader, String test, String message, String reason) {

    /** The three outcomes, with the labels of the JSON report. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public enum Status {
        /** The reader's outcome differed after the writer: a test that passes alone failed, or the reverse. */
        @SerializedName("confirmed") CONFIRMED,
        /** The reader's tests had the same outcomes alone and after the writer. */
        @SerializedName("not-reproduced") NOT_REPRODUCED,
        /** No replay decided it: no reader was seen, the budget ran out, or a replay JVM crashed or hung. */
        @SerializedName("not-tried") NOT_TRIED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Confirmation {
        Objects.requireNonNull(status, "status");
    }

    /** The writer changed the reader's outcome: {@code test} is the reader's test that changed. */
    public static Confirmation confirmed(String writer, String reader, String test, String message) {
        return new Confirmation(Status.CONFIRMED, writer, reader, test, message, null);
    }

    public static Confirmation notReproduced(String writer, String reader) {
        return new Confirmation(Status.NOT_REPRODUCED, writer, reader, null, null, null);
    }

    public static Confirmation notTried(String reason) {
        return new Confirmation(Status.NOT_TRIED, null, null, null, null, reason);
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }
}
