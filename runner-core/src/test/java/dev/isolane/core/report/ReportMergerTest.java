package dev.isolane.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.report.JsonReport.ClassEntry;
import dev.isolane.core.report.JsonReport.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMergerTest {

    @TempDir
    Path dir;

    private final Instant first = Instant.parse("2026-12-01T10:00:00Z");

    private Document run(Instant startedAt, String prefix) {
        return JsonReport.document(SampleReports.small(startedAt, dir, prefix), "mvn verify -Dshard=" + prefix);
    }

    @Test
    void threeRunsAddTheirTotalsAndKeepARowGroupEach() {
        Document merged = ReportMerger.merge(List.of(
                new ReportMerger.Input("one/isolane-report.json", run(first, "One")),
                new ReportMerger.Input("two/isolane-report.json", run(first.plusSeconds(5), "Two")),
                new ReportMerger.Input("three/isolane-report.json", run(first.plusSeconds(1), "Three"))));

        assertThat(merged.isMerged()).isTrue();
        assertThat(merged.totals()).isEqualTo(new JsonReport.Counts(9, 12, 9, 3, 0, 0, 0));
        assertThat(merged.runs()).extracting(JsonReport.RunEntry::label).containsExactly("run 1", "run 2", "run 3");
        assertThat(merged.runs()).extracting(JsonReport.RunEntry::source)
                .containsExactly("one/isolane-report.json", "two/isolane-report.json", "three/isolane-report.json");
        assertThat(merged.runs().get(1).commandLine()).isEqualTo("mvn verify -Dshard=Two");
        assertThat(merged.classes()).hasSize(9);
        assertThat(merged.classes()).filteredOn(c -> c.className().contains("Two")).extracting(ClassEntry::run)
                .containsOnly(2);
        // Each class keeps its times within its own run.
        assertThat(merged.classes().get(3).startMillis()).isEqualTo(100);
        assertThat(merged.startedAt()).isEqualTo(first.toString());
        assertThat(merged.durationMillis()).isEqualTo(5_000 + 1300);
        assertThat(merged.violations()).hasSize(3);
        assertThat(merged.warnings()).contains("run 2: a warning");
    }

    @Test
    void aClassInTwoRunsIsNamedWithItsRuns() {
        Document merged = ReportMerger.merge(List.of(new ReportMerger.Input("a", run(first, "One")),
                new ReportMerger.Input("b", run(first, "Two"))));

        assertThat(merged.repeatedClasses()).containsExactly(
                new JsonReport.RepeatedClass("com.acme.CommonTest", List.of(1, 2)));
        assertThat(merged.warnings()).anyMatch(w -> w.startsWith("com.acme.CommonTest ran in more than one of the"
                + " merged runs: runs 1, 2"));
    }

    @Test
    void aMergedReportMergesAgainAsItsRuns() {
        Document twoRuns = ReportMerger.merge(List.of(new ReportMerger.Input("a", run(first, "One")),
                new ReportMerger.Input("b", run(first, "Two"))));
        Document again = ReportMerger.merge(List.of(new ReportMerger.Input("merged", twoRuns),
                new ReportMerger.Input("c", run(first, "Three"))));

        assertThat(again.runs()).extracting(JsonReport.RunEntry::source).containsExactly("a", "b", "c");
        assertThat(again.classes()).filteredOn(c -> c.className().contains("Two")).extracting(ClassEntry::run)
                .containsOnly(2);
        assertThat(again.classes()).filteredOn(c -> c.className().contains("Three")).extracting(ClassEntry::run)
                .containsOnly(3);
        assertThat(again.totals().tests()).isEqualTo(12);
        assertThat(again.repeatedClasses().get(0).runs()).containsExactly(1, 2, 3);
    }

    @Test
    void oneReportStaysAsItWas() {
        Document single = run(first, "One");
        assertThat(ReportMerger.merge(List.of(new ReportMerger.Input("a", single)))).isSameAs(single);
    }

    @Test
    void aMergedReportIsWrittenAndReadBackWithItsRuns() throws Exception {
        Document merged = ReportMerger.merge(List.of(new ReportMerger.Input("a", run(first, "One")),
                new ReportMerger.Input("b", run(first, "Two"))));
        Path file = JsonReport.write(Files.createDirectories(dir.resolve("out")), merged);

        Document read = JsonReport.read(file);
        assertThat(read.runs()).isEqualTo(merged.runs());
        assertThat(read.classes()).isEqualTo(merged.classes());
        assertThat(read.repeatedClasses()).isEqualTo(merged.repeatedClasses());
        assertThat(read.totals()).isEqualTo(merged.totals());
    }
}
