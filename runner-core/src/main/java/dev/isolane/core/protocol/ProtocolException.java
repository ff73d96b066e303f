package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import org.apiguardian.api.API;

/** The channel carried something that is not a valid message of this protocol version. */
@API(status = INTERNAL, since = "0.1")
public class ProtocolException extends IOException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
