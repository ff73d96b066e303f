package dev.isolane.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunReport;
import dev.isolane.core.Shard;
import dev.isolane.core.ShardShare;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardCoverageTest {

    @Test
    void everyShardOnceIsOneSuite() {
        assertThat(ShardCoverage.problems(List.of(shard("s1", 1, 3, "k", "A", "B"), shard("s3", 3, 3, "k", "E"),
                shard("s2", 2, 3, "k", "C", "D")))).isEmpty();
    }

    @Test
    void theShardsOfEachModuleAreCheckedApart() {
        List<ShardCoverage.Entry> twoModules = List.of(module("a1", "core", 1, "A1"), module("a2", "core", 2, "A2"),
                module("b1", "web", 1, "B1"), module("b2", "web", 2, "B2"));
        assertThat(ShardCoverage.problems(twoModules)).isEmpty();

        List<String> problems = ShardCoverage.problems(List.of(module("a1", "core", 1, "A1"),
                module("b1", "web", 1, "B1"), module("b2", "web", 2, "B2")));
        assertThat(problems).containsExactly("The report of shard 2/2 is missing: found only a1. The suite's report"
                + " would lack those shards' classes; pass every shard's report folder, or run the missing shard"
                + " again. (b2 ran such a shard of another list of test classes: if it belongs to this suite, the"
                + " shards ran different commits or selections.)");
    }

    @Test
    void reportsOfWholeRunsAreNotChecked() {
        assertThat(ShardCoverage.problems(List.of(whole("module-a", "A"), whole("module-b", "A")))).isEmpty();
        assertThat(ShardCoverage.problems(List.of())).isEmpty();
    }

    @Test
    void aMissingShardIsNamed() {
        assertThat(ShardCoverage.problems(List.of(shard("s1", 1, 4, "k", "A"), shard("s2", 2, 4, "k", "B"),
                shard("s4", 4, 4, "k", "D")))).containsExactly("The report of shard 3/4 is missing: found only s1,"
                        + " s2, s4. The suite's report would lack those shards' classes; pass every shard's report"
                        + " folder, or run the missing shard again.");
        assertThat(ShardCoverage.problems(List.of(shard("s2", 2, 3, "k", "B")))).singleElement().asString()
                .startsWith("The reports of shards 1/3, 3/3 are missing");
    }

    @Test
    void twoReportsClaimingOneShardAreNamedWithTheirClassesRunTwice() {
        List<String> problems = ShardCoverage.problems(List.of(shard("a/isolane-report.json", 1, 2, "k", "A"),
                shard("b/isolane-report.json", 1, 2, "k", "A"), shard("c/isolane-report.json", 2, 2, "k", "B")));

        assertThat(problems).containsExactly("Two reports claim shard 1/2: a/isolane-report.json,"
                + " b/isolane-report.json. Keep each shard's reports in a folder of its own, and check that each CI"
                + " job ran a different shard (its shard parameter or CI variables).",
                "1 class ran in more than one shard: A (shards 1/2, 1/2). The shards did not split the same inputs;"
                        + " give every shard the same historyFile and the same commit.");
    }

    @Test
    void shardsThatSplitDifferentInputsAreCaught() {
        List<String> problems = ShardCoverage.problems(List.of(shard("s1", 1, 2, "aaa", "A", "B"),
                shard("s2", 2, 2, "bbb", "B", "C")));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("The shards split different inputs (split keys aaa in s1, bbb in s2)");
        assertThat(problems.get(1)).startsWith("1 class ran in more than one shard: B (shards 1/2, 2/2).");
    }

    @Test
    void shardsAndWholeRunsDoNotMixNorDoDifferentTotals() {
        assertThat(ShardCoverage.problems(List.of(shard("s1", 1, 1, "k", "A"), whole("w", "B"))))
                .singleElement().asString().startsWith("Some reports are shards of a suite and some are whole runs:"
                        + " w ran no shard, s1 did.");
        assertThat(ShardCoverage.problems(List.of(shard("s1", 1, 2, "k", "A"), shard("s2", 2, 3, "k", "B"))))
                .singleElement().asString().startsWith("The shards' reports disagree on how many shards there are:"
                        + " 2 (s1), 3 (s2).");
    }

    @Test
    void readsTheShardFromAWrittenReportAndFromEachRunOfAMergedOne(@TempDir Path dir) throws Exception {
        RunReport first = report(dir, new Shard(1, 2, "CIRCLE_NODE_INDEX"), "a.ATest");
        RunReport second = report(dir, new Shard(2, 2, "CIRCLE_NODE_INDEX"), "a.BTest");
        JsonReport.Document one = JsonReport.read(JsonReport.write(dir, first));

        assertThat(ShardCoverage.entries("one", one)).containsExactly(new ShardCoverage.Entry("one",
                new Shard(1, 2, "CIRCLE_NODE_INDEX"), "abc", "def", List.of("a.ATest")));

        JsonReport.Document merged = ReportMerger.merge(List.of(new ReportMerger.Input("s1", one),
                new ReportMerger.Input("s2", JsonReport.document(second, null))));
        List<ShardCoverage.Entry> entries = ShardCoverage.entries("merged", merged);
        assertThat(entries).extracting(ShardCoverage.Entry::file).containsExactly("s1", "s2");
        assertThat(entries).extracting(ShardCoverage.Entry::classNames)
                .containsExactly(List.of("a.ATest"), List.of("a.BTest"));
        assertThat(ShardCoverage.problems(entries)).isEmpty();
        assertThat(ShardCoverage.problems(ShardCoverage.entries("merged", merged).subList(0, 1)))
                .singleElement().asString().startsWith("The report of shard 2/2 is missing");
    }

    private static RunReport report(Path dir, Shard shard, String className) {
        ClassResult result = new ClassResult(className, Lane.SHARED, 1, "t", 0, 1, ClassOutcome.PASSED, List.of(),
                "", "", null);
        return new RunReport(Instant.EPOCH, 1, 1, RunConfig.builder().workingDirectory(dir).build(),
                List.of(result), List.of(), List.of(), List.of(), null,
                new ShardShare(shard, 1, 2, 10, 20, true, "abc", "def"));
    }

    private static ShardCoverage.Entry shard(String file, int index, int total, String key, String... classes) {
        return new ShardCoverage.Entry(file, new Shard(index, total, "isolane.shard"), key, "suite",
                List.of(classes));
    }

    private static ShardCoverage.Entry module(String file, String suite, int index, String... classes) {
        return new ShardCoverage.Entry(file, new Shard(index, 2, "CI_NODE_INDEX"), suite + "-split", suite,
                List.of(classes));
    }

    private static ShardCoverage.Entry whole(String file, String... classes) {
        return new ShardCoverage.Entry(file, null, null, null, List.of(classes));
    }
}
