package dev.isolane.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.RunHarness;
import dev.isolane.core.RunLog;
import dev.isolane.core.history.History;
import dev.isolane.core.history.HistoryFile;
import dev.isolane.core.model.Lane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryMergingTest {

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private final RunLog log = RunHarness.recording(lines);

    @Test
    void mergesTheFilesAGlobFindsIntoTheOutput() throws Exception {
        write("shards/shard-1/.isolane/history.json", "A", 10, "2026-12-03T10:00:00Z");
        write("shards/shard-2/.isolane/history.json", "B", 20, "2026-12-03T10:00:01Z");
        write("shards/shard-2/other.json", "C", 30, "2026-12-03T10:00:01Z");
        Path output = dir.resolve(".isolane/history.json");

        HistoryMerging.Result result = HistoryMerging.merge(dir, List.of("shards/*/.isolane/history.json"), output,
                log);

        assertThat(result.inputs()).containsExactly(dir.resolve("shards/shard-1/.isolane/history.json"),
                dir.resolve("shards/shard-2/.isolane/history.json"));
        assertThat(HistoryFile.read(output, log).classes()).containsOnlyKeys("A", "B");
        assertThat(lines).contains("[INFO] Merged 2 history files into " + output + ": 2 classes, each as it ran last.");
    }

    @Test
    void pathsAndGlobsMixAndTheOutputMayBeAnInput() throws Exception {
        Path output = write("cache/history.json", "A", 1, "2026-12-01T10:00:00Z");
        write("s1/history.json", "A", 2, "2026-12-03T10:00:00Z");
        write("s2/history.json", "B", 3, "2026-12-03T10:00:00Z");

        HistoryMerging.merge(dir, List.of("cache/history.json", "s*/history.json", "missing/history.json"), output,
                log);

        History merged = HistoryFile.read(output, log);
        assertThat(merged.classes().get("A").durationMillis()).isEqualTo(2);
        assertThat(merged.classes()).containsKey("B");
        assertThat(lines).contains("[WARNING] No history file matches missing/history.json under " + dir + "; a shard"
                + " that wrote none is left out of the merge.");
    }

    @Test
    void nothingToMergeIsAClearErrorAndWritesNothing() {
        Path output = dir.resolve("merged.json");

        assertThatThrownBy(() -> HistoryMerging.merge(dir, List.of("shards/*/history.json"), output, log))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid value for parameter 'histories': 'shards/*/history.json'. No file"
                        + " matches it under " + dir);
        assertThatThrownBy(() -> HistoryMerging.merge(dir, List.of(" "), output, log))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("-Disolane.histories=shards/*/history.json");
        assertThat(output).doesNotExist();
    }

    private Path write(String relative, String className, long millis, String ranAt) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        HistoryFile.write(file, new History(History.SCHEMA_VERSION, ranAt, Map.of(className,
                new History.ClassHistory(millis, Lane.SHARED, List.of(), false, ranAt))));
        return file;
    }
}
