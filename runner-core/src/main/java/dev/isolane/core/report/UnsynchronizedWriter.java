package dev.isolane.core.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A buffered UTF-8 file writer without locks, for a report one thread writes. Gson's pretty printer writes a newline
 * and an indent per level before every value, millions of small writes for a large suite's JSON report, and the JDK's
 * {@code BufferedWriter} takes its lock for each one.
 */
final class UnsynchronizedWriter extends Writer {

    private final Writer out;
    private final char[] buffer;
    private int used;

    /** @param bufferChars how much to gather before encoding: about the size of a typical file, up to 32 KiB */
    UnsynchronizedWriter(Path file, int bufferChars) throws IOException {
        this.out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
        this.buffer = new char[bufferChars];
    }

    @Override
    public void write(int c) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            drain();
            if (length > buffer.length) {
                out.write(chars, offset, length);
                return;
            }
        }
        System.arraycopy(chars, offset, buffer, used, length);
        used += length;
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            drain();
            if (length > buffer.length) {
                out.write(text, offset, length);
                return;
            }
        }
        text.getChars(offset, offset + length, buffer, used);
        used += length;
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
        String string = String.valueOf(text);
        write(string, 0, string.length());
        return this;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
