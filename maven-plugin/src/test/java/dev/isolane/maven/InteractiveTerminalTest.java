package dev.isolane.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the progress may be a status line redrawn in place: only where a person watches a terminal. */
class InteractiveTerminalTest {

    private static final Map<String, String> XTERM = Map.of("TERM", "xterm-256color");

    @Test
    void aTerminalInInteractiveModeGetsTheStatusLine() {
        assertThat(InteractiveTerminal.decide(true, false, true, true, XTERM)).isTrue();
        assertThat(InteractiveTerminal.decide(true, false, true, true, Map.of())).isTrue();
    }

    @Test
    void batchModeAPipeQuietOrAParallelBuildKeepTheLines() {
        assertThat(InteractiveTerminal.decide(false, false, true, true, XTERM)).as("-B").isFalse();
        assertThat(InteractiveTerminal.decide(true, false, true, false, XTERM)).as("a pipe or file").isFalse();
        assertThat(InteractiveTerminal.decide(true, false, false, true, XTERM)).as("-q").isFalse();
        assertThat(InteractiveTerminal.decide(true, true, true, true, XTERM)).as("-T").isFalse();
        assertThat(InteractiveTerminal.decide(true, false, true, true, Map.of("TERM", "dumb"))).as("dumb").isFalse();
    }
}
