package dev.isolane.core.worker;

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

    private OutputCapture(PrintStream originalOut, PrintStream originalErr) {
        this.originalOut = originalOut;
        this.originalErr = originalErr;
    }

    static OutputCapture install() {
        OutputCapture capture = new OutputCapture(System.out, System.err);
        System.setOut(routing(capture.originalOut, false));
        System.setErr(routing(capture.originalErr, true));
        return capture;
    }

    PrintStream originalOut() {
        return originalOut;
    }

    PrintStream originalErr() {
        return originalErr;
    }

    private static PrintStream routing(PrintStream fallback, boolean err) {
        return new PrintStream(new RoutingOutputStream(fallback, err), true, StandardCharsets.UTF_8);
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
