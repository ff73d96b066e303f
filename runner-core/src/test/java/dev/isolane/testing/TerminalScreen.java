package dev.isolane.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal shows after some output: a carriage return goes back to column 0, a newline to the next line,
 * {@code ESC[K} erases to the end of the line ({@code ESC[2K} the whole line), colours ({@code ESC[...m}) are dropped,
 * text overwrites what is under the cursor. Enough of a terminal to see whether a status line redrawn in place ever
 * tore another line, or was left on the screen.
 */
public final class TerminalScreen {

    private final List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
    private int column;

    /** Feed output as the terminal receives it. */
    public TerminalScreen feed(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (c == '\u001b' && i + 1 < output.length() && output.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < output.length() && !Character.isLetter(output.charAt(end))) {
                    end++;
                }
                if (end < output.length()) {
                    control(output.substring(i + 2, end), output.charAt(end));
                }
                i = end;
            } else if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                lines.add(new StringBuilder());
                column = 0;
            } else {
                StringBuilder line = current();
                while (line.length() < column) {
                    line.append(' ');
                }
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        return this;
    }

    private void control(String parameters, char command) {
        if (command == 'K') {
            StringBuilder line = current();
            if (parameters.equals("2")) {
                line.setLength(0);
            } else if (parameters.isEmpty() || parameters.equals("0")) {
                line.setLength(Math.min(column, line.length()));
            }
        }
        // colours and anything else leave the text alone
    }

    private StringBuilder current() {
        return lines.get(lines.size() - 1);
    }

    /** The cursor's column. */
    public int column() {
        return column;
    }

    /** The line the cursor is on, as shown. */
    public String currentLine() {
        return current().toString().stripTrailing();
    }

    /** Every line as shown, the cursor's last, trailing blanks dropped. */
    public List<String> lines() {
        return lines.stream().map(line -> line.toString().stripTrailing()).toList();
    }
}
