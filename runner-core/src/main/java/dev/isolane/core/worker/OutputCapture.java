package dev.isolane.core.worker;

import dev.isolane.core.detect.GlobalsHook;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces System.out and System.err with streams that send each write to the class the writing thread works for.
 * Concurrent classes in the shared JVM therefore never mix their output. Writes from threads that work for no class
 * go to the worker's own stdout/stderr, which the coordinator keeps in the worker's log file.
 */
final class OutputCapture {

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final PrintStream out;
    private final PrintStream err;

    private OutputCapture(PrintStream originalOut, PrintStream originalErr) {
        this.originalOut = originalOut;
        this.originalErr = originalErr;
        this.out = new CapturingStream(originalOut, false);
        this.err = new CapturingStream(originalErr, true);
    }

    static OutputCapture install() {
        OutputCapture capture = new OutputCapture(System.out, System.err);
        System.setOut(capture.out);
        System.setErr(capture.err);
        return capture;
    }

    /**
     * Put the capture back when a class replaced {@code System.out} or {@code System.err} and left it so: the classes
     * after it must still have their output captured. Called after the class's state was observed, so detection has
     * already recorded the replacement as a change the class left behind.
     */
    void reclaim() {
        if (System.out != out) {
            System.setOut(out);
        }
        if (System.err != err) {
            System.setErr(err);
        }
    }

    PrintStream originalOut() {
        return originalOut;
    }

    PrintStream originalErr() {
        return originalErr;
    }

    /**
     * The stream tests see as {@code System.out} or {@code System.err}. Closing it would silence every class after
     * the one that closed it, so a close only flushes, and is recorded as a change of a JVM global.
     */
    private static final class CapturingStream extends PrintStream {
        private final boolean err;

        CapturingStream(PrintStream fallback, boolean err) {
            super(new RoutingOutputStream(fallback, err), true, StandardCharsets.UTF_8);
            this.err = err;
        }

        @Override
        public void close() {
            flush();
            if (err) {
                GlobalsHook.closedErr();
            } else {
                GlobalsHook.closedOut();
            }
        }
    }

    /** PrintStream locks itself around each print, so every write here happens on the printing thread. */
    private static final class RoutingOutputStream extends OutputStream {
        private final PrintStream fallback;
        private final boolean err;

        RoutingOutputStream(PrintStream fallback, boolean err) {
            this.fallback = fallback;
            this.err = err;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ClassContext context = ClassContext.current();
            if (context != null) {
                context.write(err, bytes, offset, length);
            } else {
                fallback.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            fallback.flush();
        }
    }
}
