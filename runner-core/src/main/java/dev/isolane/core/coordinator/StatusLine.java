package dev.isolane.core.coordinator;

import dev.isolane.core.RunLog;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One status line at the foot of an interactive terminal, redrawn in place, wrapped around the run's log. Drawing
 * is a carriage return, the text and an erase to the end of the line ({@code \r...\033[K}), so a shorter text leaves
 * nothing of a longer one. Before any line of the log is printed the status line is erased ({@code \r\033[K}), and
 * it is drawn again after, so every other line starts at column 0 and the status line is never left inside one. The
 * text is cut to the terminal's width: a line that wrapped could not be redrawn in place.
 *
 * <p>Only for a console that is a terminal: a CI log or a file would keep every redraw. Output that does not go
 * through this log (another module of a parallel build) would tear the line, so front ends ask for it only where
 * nothing else prints while tests run.
 */
final class StatusLine implements RunLog {

    /** Back to column 0, then erase to the end of the line. */
    static final String ERASE = "\r\033[K";
    private static final String ERASE_TO_END = "\033[K";
    private static final int DEFAULT_COLUMNS = 80;
    private static final int MIN_COLUMNS = 20;

    private final RunLog log;
    private final Consumer<String> terminal;
    private final int width;
    /** Whether the terminal's encoding has the ellipsis that marks a cut. */
    private final boolean ellipsis;
    /** What the terminal shows now; empty when erased. */
    private String shown = "";
    private String latest = "";
    private boolean closed;

    /**
     * @param log      where the run's other lines go; they reach the same terminal
     * @param terminal writes text to the terminal as it is, and flushes
     * @param columns  the terminal's width
     * @param ellipsis whether the terminal's encoding has '…'; cuts are marked with '~' otherwise
     */
    StatusLine(RunLog log, Consumer<String> terminal, int columns, boolean ellipsis) {
        this.log = log;
        this.terminal = terminal;
        this.ellipsis = ellipsis;
        // One column short of the width: some terminals wrap on writing the last column.
        this.width = Math.max(MIN_COLUMNS, columns) - 1;
    }

    /**
     * A status line on this process's standard output, written around {@code System.out} (whose bytes a front end's
     * logger may colour or strip; this line's escapes must reach the terminal as they are). The width is {@code
     * COLUMNS}, or 80.
     */
    static StatusLine onConsole(RunLog log, Map<String, String> environment) {
        Console console = System.console();
        Charset charset = console != null ? console.charset() : Charset.defaultCharset();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, charset);
        return new StatusLine(log, text -> {
            out.print(text);
            out.flush();
        }, columns(environment.get("COLUMNS")), charset.newEncoder().canEncode('…'));
    }

    static int columns(String columnsVariable) {
        try {
            int columns = Integer.parseInt(columnsVariable == null ? "" : columnsVariable.trim());
            return columns >= MIN_COLUMNS ? columns : DEFAULT_COLUMNS;
        } catch (NumberFormatException unset) {
            return DEFAULT_COLUMNS;
        }
    }

    /** How many characters a status text may have. */
    int width() {
        return width;
    }

    /** Show this text as the status line, cut to the width, in place of what it showed. */
    synchronized void show(String text) {
        if (closed) {
            return;
        }
        String oneLine = cut(text.replace('\n', ' ').replace('\r', ' '));
        latest = ellipsis ? oneLine : oneLine.replace('…', '~');
        if (!latest.equals(shown)) {
            draw(latest);
        }
    }

    /** Erase the status line for good: the run's last lines follow. */
    synchronized void close() {
        erase();
        closed = true;
    }

    @Override
    public synchronized void info(String line) {
        around(() -> log.info(line));
    }

    @Override
    public synchronized void warn(String line) {
        around(() -> log.warn(line));
    }

    @Override
    public synchronized void error(String line) {
        around(() -> log.error(line));
    }

    @Override
    public synchronized void debug(String line) {
        around(() -> log.debug(line));
    }

    private void around(Runnable print) {
        erase();
        try {
            print.run();
        } finally {
            if (!closed && !latest.isEmpty()) {
                draw(latest);
            }
        }
    }

    private void draw(String text) {
        terminal.accept("\r" + text + ERASE_TO_END);
        shown = text;
    }

    private void erase() {
        if (!shown.isEmpty()) {
            terminal.accept(ERASE);
            shown = "";
        }
    }

    private String cut(String text) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
