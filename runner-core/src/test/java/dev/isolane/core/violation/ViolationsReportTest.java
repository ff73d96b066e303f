package dev.isolane.core.violation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunHarness;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.Violation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
    void aChangeInPlaceSaysHowOnTheStatesLine() {
        Violation registry = new Violation(StateKind.STATIC_FIELD, "com.acme.Registry.ENTRIES",
                List.of("com.acme.FillTest"), List.of("com.acme.LookupTest"), false, false, "put it back",
                "contents changed in place (3 -> 4 entries)");
        assertThat(ViolationsReport.lines(List.of(registry))).containsExactly(
                "  static field com.acme.Registry.ENTRIES -- contents changed in place (3 -> 4 entries), left changed",
                "    com.acme.FillTest -> com.acme.LookupTest",
                "    fix: put it back");
    }

    @Test
    void whereReadsAreNotWatchedAWriterNoOtherWriterSawIsNamedAlone() {
        Violation property = new Violation(StateKind.SYSTEM_PROPERTY, "acme.mode", List.of("com.acme.PTest"),
                List.of(), false, false, "restore it");
        Violation counter = new Violation(StateKind.STATIC_FIELD, "com.acme.Ids.next", List.of("A", "B"),
                List.of("A", "B"), true, false, "h");
        assertThat(ViolationsReport.entries(List.of(property, counter), false)).containsExactly(
                "  system property acme.mode -- left changed",
                "    com.acme.PTest",
                "    fix: restore it",
                "  static field com.acme.Ids.next -- left changed",
                "    A, B -> each other  [ran at the same time]",
                "    fix: h");
    }

    @Test
    void theSectionPrintsTheReportsUnattributedNotesAndNoWarning() {
        List<String> printed = new ArrayList<>();
        RunConfig config = RunConfig.builder().workingDirectory(Path.of("unused")).build();
        RunReport report = new RunReport(Instant.EPOCH, 1, 1, config, List.of(), List.of(),
                List.of("Not attributed: 2 accesses to 1 piece of state"),
                List.of("Not attributed: a warning that only looks like a note"));

        ViolationsReport.print(RunHarness.recording(printed), report);

        assertThat(printed).containsExactly("[INFO] Isolation violations: none found (detect=statics)",
                "[INFO] Not attributed: 2 accesses to 1 piece of state", "[INFO] ");
    }

    @Test
    void writersThatOnlySawEachOtherReadAsEachOther() {
        Violation counter = new Violation(StateKind.STATIC_FIELD, "com.acme.Ids.next", List.of("A", "B"),
                List.of("A", "B"), false, false, "h");
        assertThat(ViolationsReport.readers(counter)).isEqualTo("each other");
    }
}
