package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunLog;
import dev.isolane.testing.TerminalScreen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status line around the run's log, on a recorded terminal: the log's lines reach the same screen as the status
 * line, as Maven's reach the terminal beside it.
 */
class StatusLineTest {

    private final TerminalScreen screen = new TerminalScreen();
    /** Everything written to the terminal, in order: the status line's bytes and the log's lines. */
    private final List<String> written = new ArrayList<>();
    /** Where the cursor was, and what the line under it showed, as each log line began. */
    private final List<String> lineStarts = new ArrayList<>();

    private final RunLog maven = new RunLog() {
        @Override
        public void info(String line) {
            print("[INFO] " + line);
        }

        @Override
        public void warn(String line) {
            print("[WARNING] " + line);
        }

        @Override
        public void error(String line) {
            print("[ERROR] " + line);
        }

        @Override
        public void debug(String line) {
            print("[DEBUG] " + line);
        }

        private void print(String line) {
            lineStarts.add(screen.column() + ":" + screen.currentLine());
            write(line + "\n");
        }
    };

    private void write(String text) {
        written.add(text);
        screen.feed(text);
    }

    private StatusLine statusLine(int columns) {
        return new StatusLine(maven, this::write, columns, true);
    }

    @Test
    void everyOtherLineStartsAtColumnZeroOnAClearedLineAndTheStatusComesBackBelowIt() {
        StatusLine status = statusLine(80);
        status.info("Running 4 test classes");
        status.show("Progress: 0/4 classes, 2 running (OneTest 1 s, TwoTest 1 s), 0 failed");
        status.show("Progress: 0/4 classes, 2 running (OneTest 2 s, TwoTest 2 s), 0 failed");
        status.info("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 2.1 s - in com.acme.OneTest");
        status.warn("com.acme.TwoTest left a thread running");
        status.show("Progress: 1/4 classes, 1 running (TwoTest 3 s), 0 failed");
        status.error("Something broke");
        status.debug("a detail");

        assertThat(lineStarts).hasSize(5).allSatisfy(start -> assertThat(start).isEqualTo("0:"));
        assertThat(screen.lines()).containsExactly(
                "[INFO] Running 4 test classes",
                "[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 2.1 s - in com.acme.OneTest",
                "[WARNING] com.acme.TwoTest left a thread running",
                "[ERROR] Something broke",
                "[DEBUG] a detail",
                "Progress: 1/4 classes, 1 running (TwoTest 3 s), 0 failed");
        // Before each log line that came while the status was shown, the erase.
        for (int i = 1; i < written.size(); i++) {
            if (written.get(i).startsWith("[") && !written.get(i).startsWith("[INFO] Running")) {
                assertThat(written.get(i - 1)).as("before " + written.get(i)).isEqualTo(StatusLine.ERASE);
            }
        }
    }

    @Test
    void aShorterStatusLeavesNothingOfTheLongerOneAndTheSameTextIsNotDrawnAgain() {
        StatusLine status = statusLine(80);
        status.show("Progress: 0/40 classes, 3 running (AVeryLongClassNameTest 1 s, B 1 s, C 1 s), 0 failed");
        status.show("Progress: 39/40 classes, 1 running (C 9 s), 0 failed");
        int writes = written.size();
        status.show("Progress: 39/40 classes, 1 running (C 9 s), 0 failed");

        assertThat(written).hasSize(writes);
        assertThat(screen.lines()).containsExactly("Progress: 39/40 classes, 1 running (C 9 s), 0 failed");
        assertThat(screen.column()).isEqualTo(screen.currentLine().length());
    }

    @Test
    void theTextIsCutToOneColumnShortOfTheTerminalsWidthSoItNeverWraps() {
        StatusLine status = statusLine(40);
        status.show("Progress: 3/120 classes, 4 running (FooTest 12 s, BarTest 3 s, 2 more), 2 failed");

        assertThat(status.width()).isEqualTo(39);
        assertThat(screen.lines()).singleElement().satisfies(line -> {
            assertThat(line).hasSize(39).startsWith("Progress: 3/120 classes, 4 running").endsWith("…");
        });
        status.show("two\nlines");
        assertThat(screen.lines()).containsExactly("two lines");
    }

    @Test
    void aTerminalWithoutTheEllipsisGetsATilde() {
        StatusLine status = new StatusLine(maven, this::write, 30, false);
        status.show("Progress: 0/2 classes, 2 running (LongNameT… 1 s, B 1 s), 0 failed");
        assertThat(screen.lines()).containsExactly("Progress: 0/2 classes, 2 run~");
    }

    @Test
    void closingErasesTheStatusForGoodAndTheLogGoesOnAlone() {
        StatusLine status = statusLine(80);
        status.show("Progress: 1/2 classes, 1 running (SlowTest 4 s), 0 failed");
        status.close();
        assertThat(screen.lines()).containsExactly("");
        assertThat(screen.column()).isZero();

        status.show("Progress: 1/2 classes, 1 running (SlowTest 5 s), 0 failed");
        status.info("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        status.close();
        assertThat(screen.lines()).containsExactly("[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0", "");
        assertThat(lineStarts).containsExactly("0:");
    }

    @Test
    void theWidthComesFromColumnsOrIsEighty() {
        assertThat(StatusLine.columns("132")).isEqualTo(132);
        assertThat(StatusLine.columns(" 100 ")).isEqualTo(100);
        assertThat(StatusLine.columns(null)).isEqualTo(80);
        assertThat(StatusLine.columns("wide")).isEqualTo(80);
        assertThat(StatusLine.columns("5")).isEqualTo(80);
    }
}
