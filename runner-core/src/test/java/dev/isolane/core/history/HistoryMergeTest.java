package dev.isolane.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryMergeTest {

    private static final String CACHED = "2026-12-01T08:00:00Z";
    private static final String TODAY = "2026-12-03T10:00:00Z";

    @Test
    void eachClassKeepsTheEntryOfTheShardThatRanIt() {
        // Both shards started from the same cached history and each ran two of the four classes.
        History cached = new History(History.SCHEMA_VERSION, CACHED, Map.of("A", entry(100, null), "B",
                entry(200, null), "C", entry(300, null), "D", entry(400, null)));
        History shard1 = cached.updatedWith(report(TODAY, result("A", 110), result("C", 310)));
        History shard2 = cached.updatedWith(report("2026-12-03T10:00:02Z", result("B", 220), result("D", 420)));

        History merged = HistoryMerge.merge(List.of(shard2, shard1));

        assertThat(merged.classes()).containsOnlyKeys("A", "B", "C", "D");
        assertThat(merged.classes().get("A").durationMillis()).isEqualTo(110);
        assertThat(merged.classes().get("B").durationMillis()).isEqualTo(220);
        assertThat(merged.classes().get("C").durationMillis()).isEqualTo(310);
        assertThat(merged.classes().get("D").durationMillis()).isEqualTo(420);
        assertThat(merged.classes().get("A").ranAt()).isEqualTo(TODAY);
        assertThat(merged.updatedAt()).isEqualTo("2026-12-03T10:00:02Z");
        // The trend: each shard's run once, after the runs they started from.
        assertThat(merged.runs()).extracting(History.RunRecord::startedAt)
                .containsExactly(TODAY, "2026-12-03T10:00:02Z");
    }

    @Test
    void theTrendKeepsEachRunOnceOldestFirstUpToTheLimit() {
        List<History.RunRecord> older = new java.util.ArrayList<>();
        for (int i = 0; i < History.RUNS_KEPT; i++) {
            older.add(new History.RunRecord(java.time.Instant.parse(CACHED).plusSeconds(i).toString(), 1, 1, 1, 0));
        }
        History one = new History(History.SCHEMA_VERSION, CACHED, Map.of(), older);
        History.RunRecord latest = new History.RunRecord(TODAY, 2, 2, 2, 0);
        List<History.RunRecord> withLatest = new java.util.ArrayList<>(older);
        withLatest.add(latest);
        History two = new History(History.SCHEMA_VERSION, TODAY, Map.of(), withLatest);

        List<History.RunRecord> runs = HistoryMerge.merge(List.of(two, one)).runs();

        assertThat(runs).hasSize(History.RUNS_KEPT).doesNotHaveDuplicates().endsWith(latest);
        assertThat(runs.get(0)).isEqualTo(older.get(1));
    }

    @Test
    void aClassOnlyOneFileKnowsIsKeptAndChangedStateTravelsWithItsEntry() {
        History.ClassHistory leaky = new History.ClassHistory(50, Lane.SHARED,
                List.of(new History.ChangedState(StateKind.SYSTEM_PROPERTY, "p", false)), true, TODAY);
        History one = new History(History.SCHEMA_VERSION, TODAY, Map.of("Leaky", leaky));
        History two = new History(History.SCHEMA_VERSION, TODAY, Map.of("Other", entry(5, TODAY)));

        History merged = HistoryMerge.merge(List.of(one, two));

        assertThat(merged.classes()).containsEntry("Leaky", leaky).containsKey("Other");
        assertThat(merged.violators()).containsExactly("Leaky");
    }

    @Test
    void withoutTimesPerClassTheFileUpdatedLastWinsThenTheLaterFile() {
        History older = new History(History.SCHEMA_VERSION, CACHED, Map.of("A", entry(1, null)));
        History newer = new History(History.SCHEMA_VERSION, TODAY, Map.of("A", entry(2, null)));
        History alsoNewer = new History(History.SCHEMA_VERSION, TODAY, Map.of("A", entry(3, null)));
        History undated = new History(History.SCHEMA_VERSION, null, Map.of("A", entry(4, null)));

        assertThat(HistoryMerge.merge(List.of(newer, older)).classes().get("A").durationMillis()).isEqualTo(2);
        assertThat(HistoryMerge.merge(List.of(newer, alsoNewer)).classes().get("A").durationMillis()).isEqualTo(3);
        assertThat(HistoryMerge.merge(List.of(undated, older)).classes().get("A").durationMillis()).isEqualTo(1);
        // A time per class beats any file time.
        History ranLater = new History(History.SCHEMA_VERSION, null, Map.of("A", entry(5, TODAY)));
        assertThat(HistoryMerge.merge(List.of(ranLater, newer)).classes().get("A").durationMillis()).isEqualTo(5);
    }

    @Test
    void nothingMergedIsAnEmptyHistory() {
        assertThat(HistoryMerge.merge(List.of()).classes()).isEmpty();
        assertThat(HistoryMerge.merge(List.of(History.empty())).updatedAt()).isNull();
    }

    private static History.ClassHistory entry(long millis, String ranAt) {
        return new History.ClassHistory(millis, Lane.SHARED, List.of(), false, ranAt);
    }

    private static ClassResult result(String name, long millis) {
        return new ClassResult(name, Lane.SHARED, 1, "t", 0, millis, ClassOutcome.PASSED, List.of(), "", "", null);
    }

    private static RunReport report(String startedAt, ClassResult... results) {
        return new RunReport(Instant.parse(startedAt), 1, 1,
                RunConfig.builder().workingDirectory(Path.of("/p")).build(), List.of(results), List.of(), List.of(),
                List.of());
    }
}
