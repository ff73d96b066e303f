package dev.isolane.core.violation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationsReportTest {

    @Test
    void eachEntryShowsTheStateWritersToReadersAndTheFix() {
        Violation counter = new Violation(StateKind.STATIC_FIELD, "com.acme.Ids.next", List.of("com.acme.ATest",
                "com.acme.BTest"), List.of("com.acme.ATest", "com.acme.BTest", "com.acme.CTest"), true, false,
                "do this");
        Violation locale = new Violation(StateKind.DEFAULT_LOCALE, "default Locale", List.of("com.acme.LTest"),
                List.of(), false, true, "do that");
        assertThat(ViolationsReport.lines(List.of(counter, locale))).containsExactly(
                "  static field com.acme.Ids.next -- left changed",
                "    com.acme.ATest, com.acme.BTest -> com.acme.CTest, and each other  [ran at the same time]",
                "    fix: do this",
                "  default Locale -- restored, but seen while changed",
                "    com.acme.LTest -> (no reader seen)",
                "    fix: do that");
    }

    @Test
    void whereReadsAreNotWatchedAWriterNoOtherWriterSawIsNamedAlone() {
        Violation property = new Violation(StateKind.SYSTEM_PROPERTY, "acme.mode", List.of("com.acme.PTest"), List.of(),
                false, false, "restore it");
        Violation counter = new Violation(StateKind.STATIC_FIELD, "com.acme.Ids.next", List.of("A", "B"), List.of("A", "B"),
                true, false, "h");
        assertThat(ViolationsReport.entries(List.of(property, counter), false)).containsExactly(
                "  system property acme.mode -- left changed",
                "    com.acme.PTest",
                "    fix: restore it",
                "  static field com.acme.Ids.next -- left changed",
                "    A, B -> each other  [ran at the same time]",
                "    fix: h");
    }

    @Test
    void writersThatOnlySawEachOtherReadAsEachOther() {
        Violation counter = new Violation(StateKind.STATIC_FIELD, "com.acme.Ids.next", List.of("A", "B"), List.of("A", "B"),
                false, false, "h");
        assertThat(ViolationsReport.readers(counter)).isEqualTo("each other");
    }
}
