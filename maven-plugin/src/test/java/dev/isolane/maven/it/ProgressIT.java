package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.testing.TerminalScreen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Progress lines in a real build (batch mode, as in CI): four classes of seven seconds on two threads. The second
 * build in the same directory has the history file, so its lines estimate the time left.
 */
class ProgressIT {

    private static final Pattern LINE = Pattern.compile("\\[INFO\\] Progress: \\d/4 classes, \\d running"
            + "( \\((Slow\\w+Test \\d+ s)(, Slow\\w+Test \\d+ s)*\\))?, \\d failed(, about \\d+ s left)?");
    private static BuildResult first;
    private static BuildResult second;

    @BeforeAll
    static void runTwice() {
        MavenBuild maven = MavenBuild.project("progress");
        Path directory = maven.copyProject();
        first = maven.runIn(directory);
        second = MavenBuild.project("progress").runIn(directory);
    }

    private static List<String> progressLines(BuildResult build) {
        return build.log().lines().filter(line -> line.contains("Progress:")).toList();
    }

    @Test
    void progressLinesComeWhileClassesRunBeforeTheSummaryEachALineOfItsOwn() {
        assertThat(first.exitCode()).as(first.log()).isZero();
        List<String> lines = progressLines(first);
        assertThat(lines).as(first.log()).isNotEmpty();
        // Never in the middle of another line: each starts its line, and is the whole line.
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(LINE));
        String log = first.log();
        int firstLine = log.indexOf("[INFO] Progress: ");
        assertThat(firstLine).isLessThan(log.indexOf("[INFO] Results:"));
        assertThat(firstLine).isGreaterThan(log.indexOf("[INFO] Running 4 test classes"));
        assertThat(lines.get(0)).contains("running (Slow");
    }

    @Test
    void withTheHistoryTheLineEstimatesTheTimeLeft() {
        assertThat(second.exitCode()).as(second.log()).isZero();
        assertThat(progressLines(second)).as(second.log()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches(LINE))
                .anySatisfy(line -> assertThat(line).containsPattern("about \\d+ s left$"));
    }

    @Test
    void inBatchModeNothingIsRedrawn() {
        assertThat(first.log()).doesNotContain("\r").doesNotContain("\u001b[K");
    }

    /**
     * Maven at a real (pseudo-)terminal, not in batch mode: the progress is one status line redrawn in place, cut to
     * the terminal's width, and erased before each of Maven's lines, so that on the screen every line starts with
     * its own text and no status line is left over.
     */
    @Test
    void onATerminalOneStatusLineIsRedrawnInPlaceAndNeverTearsALine() {
        int columns = 72; // "Progress: 0/4 classes, 2 running (SlowOneTest 3 s, SlowTwoTest 3 s), 0 failed" is 79
        BuildResult build = MavenBuild.project("progress").onTerminal(columns).run();
        String output = build.log();
        assertThat(build.exitCode()).as(output).isZero();

        List<String> draws = statusDraws(output);
        assertThat(draws).as(output).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(draw -> assertThat(draw).startsWith("Progress: ").hasSizeLessThan(columns));
        assertThat(draws.stream().distinct().count()).isGreaterThanOrEqualTo(3); // the seconds go up
        // Names cut to fit, rather than left out.
        assertThat(draws).anySatisfy(draw -> assertThat(draw).containsPattern("running \\(Slow\\w*[…~] \\d+ s, Slow"));

        List<String> screen = new TerminalScreen().feed(output).lines();
        assertThat(screen).as(output).anySatisfy(line -> assertThat(line).startsWith("[INFO] Running 4 test classes"));
        assertThat(screen).filteredOn(line -> line.contains("Tests run:")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(screen).as("no status line left, no line torn").noneMatch(line -> line.contains("Progress:"))
                .allSatisfy(line -> assertThat(line).matches("(\\[(INFO|WARNING|ERROR)\\] .*|\\[INFO\\]|)"));
    }

    /** The texts the status line was drawn with: each draw is a carriage return, the text, and erase-to-end. */
    private static List<String> statusDraws(String output) {
        Matcher draw = Pattern.compile("\r(Progress: [^\r\n\u001b]*)\u001b\\[K").matcher(output);
        List<String> texts = new ArrayList<>();
        while (draw.find()) {
            texts.add(draw.group(1));
        }
        return texts;
    }

    @Test
    void progressOffSilencesIt() {
        BuildResult off = MavenBuild.project("progress").args("verify", "-Disolane.progress=off").run();
        assertThat(off.exitCode()).as(off.log()).isZero();
        assertThat(progressLines(off)).isEmpty();
    }

    @Test
    void aValueOtherThanOnOrOffStopsTheBuildBeforeAnyJvmStarts() {
        BuildResult wrong = MavenBuild.project("progress").args("verify", "-Disolane.progress=sometimes").run();
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.log()).contains("Invalid value for parameter 'progress': 'sometimes'. Use on or off.")
                .doesNotContain("Running 4 test classes");
    }
}
