package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apiguardian.api.API;

/**
 * The last bytes a test class printed, kept in a memory-mapped file so that they outlive the JVM: a halt, a SIGKILL
 * or a native crash loses the worker's memory, but the kernel still holds what was written to a shared mapping. The
 * worker writes one per running class; after a crash the coordinator reads the culprit's.
 *
 * <p>Layout: an 8-byte count of all bytes ever written, then a ring of {@link #CAPACITY} bytes.
 */
@API(status = INTERNAL, since = "0.1")
public final class OutputTail {

    public static final int CAPACITY = 8 * 1024;
    private static final int HEADER = Long.BYTES;

    private final MappedByteBuffer buffer;
    private long total;

    private OutputTail(MappedByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** The name of a class's tail file in its worker's scratch directory. */
    public static String fileName(String className) {
        return className + ".tail";
    }

    /** Create (or truncate) the file and map it; the mapping stays valid after the channel is closed. */
    public static OutputTail create(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            return new OutputTail(channel.map(FileChannel.MapMode.READ_WRITE, 0, HEADER + CAPACITY));
        }
    }

    public synchronized void write(byte[] bytes, int offset, int length) {
        if (length > CAPACITY) {
            offset += length - CAPACITY;
            total += length - CAPACITY;
            length = CAPACITY;
        }
        int at = (int) (total % CAPACITY);
        int first = Math.min(length, CAPACITY - at);
        buffer.put(HEADER + at, bytes, offset, first);
        buffer.put(HEADER, bytes, offset + first, length - first);
        total += length;
        // The count goes last: a reader never sees it ahead of the bytes it counts.
        buffer.putLong(0, total);
    }

    /** What a tail file holds, oldest byte first; empty when there is no such file or it is damaged. */
    public static String read(Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length != HEADER + CAPACITY) {
                return "";
            }
            long written = ByteBuffer.wrap(content).getLong(0);
            if (written <= 0) {
                return "";
            }
            int size = (int) Math.min(written, CAPACITY);
            int start = (int) ((written - size) % CAPACITY);
            byte[] ordered = new byte[size];
            int first = Math.min(size, CAPACITY - start);
            System.arraycopy(content, HEADER + start, ordered, 0, first);
            System.arraycopy(content, HEADER, ordered, first, size - first);
            String text = new String(ordered, StandardCharsets.UTF_8);
            return written > CAPACITY ? "[...]" + text : text;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
