package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import org.apiguardian.api.API;

/**
 * One end of a coordinator-worker connection: length-prefixed frames, each one {@link MessageCodec} envelope.
 * Sending is thread-safe (worker threads report concurrently); receiving is meant for one reader thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class Channel implements Closeable {

    /** Larger frames are refused: no real message comes near it, and garbage must not allocate gigabytes. */
    static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final MessageCodec codec = new MessageCodec();

    public Channel(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
    }

    public void send(Message message) throws IOException {
        byte[] frame = codec.encode(message);
        synchronized (out) {
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
        }
    }

    /**
     * Read the next message.
     *
     * @throws EOFException      when the peer closed the channel cleanly between messages
     * @throws ProtocolException when the stream ends inside a frame or the frame is not a valid message
     */
    public Message receive() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("channel closed by peer");
        }
        byte[] header = readFully(3, "frame header");
        int length = (first << 24) | ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new ProtocolException("frame length " + length + " is outside 0.." + MAX_FRAME_BYTES
                    + "; the peer is not an Isolane endpoint of this version");
        }
        return codec.decode(readFully(length, "frame"));
    }

    private byte[] readFully(int length, String what) throws IOException {
        byte[] bytes = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(bytes, read, length - read);
            if (n < 0) {
                throw new ProtocolException("stream ended after " + read + " of " + length + " bytes of a " + what);
            }
            read += n;
        }
        return bytes;
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the peer may be gone already
        }
    }
}
