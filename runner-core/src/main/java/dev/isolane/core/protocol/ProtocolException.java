package dev.isolane.core.protocol;

import java.io.IOException;

/** The channel carried something that is not a valid message of this protocol version. */
public class ProtocolException extends IOException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
