package dev.isolane.junit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.Supplier;

/**
 * Copies what a forked JVM writes outside any test (JVM warnings, a crash report, threads of no class) to this JVM's
 * stream, and keeps the last bytes for the failure message if the fork dies.
 */
final class StreamPump {

    private static final int TAIL_BYTES = 8 * 1024;

    private final byte[] tail = new byte[TAIL_BYTES];
    private int tailStart;
    private int tailSize;
    private final Thread thread;

    private StreamPump(InputStream in, Supplier<PrintStream> target, String name) {
        thread = new Thread(() -> copy(in, target), name);
        thread.setDaemon(true);
        thread.start();
    }

    static StreamPump start(InputStream in, Supplier<PrintStream> target, String name) {
        return new StreamPump(in, target, name);
    }

    private void copy(InputStream in, Supplier<PrintStream> target) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                PrintStream out = target.get();
                out.write(buffer, 0, n);
                out.flush();
                remember(buffer, n);
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    private synchronized void remember(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (tailSize < tail.length) {
                tail[(tailStart + tailSize++) % tail.length] = bytes[i];
            } else {
                tail[tailStart] = bytes[i];
                tailStart = (tailStart + 1) % tail.length;
            }
        }
    }

    /** The last bytes the stream carried. */
    synchronized String tail() {
        byte[] ordered = new byte[tailSize];
        for (int i = 0; i < tailSize; i++) {
            ordered[i] = tail[(tailStart + i) % tail.length];
        }
        return new String(ordered, Charset.defaultCharset()).strip();
    }

    void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
