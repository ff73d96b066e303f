package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.run.Isolane;
import dev.isolane.core.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards run through the real coordinator and worker JVMs: each discovers the suite and runs its own part. */
class ShardRunTest {

    private static final String FIXTURES = "dev.isolane.core.fixtures.";
    private static final String[] SUITE = {FIXTURES + "ConstantOneFixture", FIXTURES + "ConstantTwoFixture",
            FIXTURES + "ConstantThreeFixture", FIXTURES + "IsolatedFixture"};

    @TempDir
    Path dir;

    @Test
    void theShardsTogetherRunEveryClassOnceAndEachSaysWhichShardItIs() throws Exception {
        List<String> ran = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            int index = i;
            Shard shard = new Shard(index, 2, ShardSettings.PROPERTY);
            Path shardDir = dir.resolve("shard-" + index);
            List<String> lines = new ArrayList<>();
            RunReport report = run(shardDir, b -> b.shard(shard), lines);

            report.classes().stream().map(ClassResult::className).forEach(ran::add);
            assertThat(report.shardShare().shard()).isEqualTo(shard);
            assertThat(report.shardShare().suiteClasses()).isEqualTo(4);
            assertThat(report.shardShare().classes()).isEqualTo(report.classes().size()).isEqualTo(2);
            assertThat(lines).anyMatch(line -> line.startsWith("[INFO] Shard " + index + "/2 (from the shard parameter"
                    + " (isolane.shard)): 2 of the suite's 4 test classes, split by count"));
            JsonObject json = JsonParser.parseString(Files.readString(shardDir.resolve("reports/isolane-report.json")))
                    .getAsJsonObject().getAsJsonObject("shard");
            assertThat(json.get("index").getAsInt()).isEqualTo(index);
            assertThat(json.get("total").getAsInt()).isEqualTo(2);
            assertThat(json.get("source").getAsString()).isEqualTo("isolane.shard");
        }
        assertThat(ran).containsExactlyInAnyOrder(SUITE);
    }

    @Test
    void aShardWithNothingToRunPassesAndSaysSo() throws Exception {
        List<String> lines = new ArrayList<>();
        RunReport report = run(dir, b -> b.shard(new Shard(5, 5, "CI_NODE_INDEX")), lines);

        assertThat(report.classes()).isEmpty();
        assertThat(report.shardShare().classes()).isZero();
        assertThat(lines).anyMatch(line -> line.equals("[INFO] Shard 5/5 (from CI_NODE_INDEX and CI_NODE_TOTAL (GitLab"
                + " CI's parallel jobs, counted from 1)): none of the suite's 4 test classes fell to this shard;"
                + " nothing to run, and it passes."));
        assertThat(lines).noneMatch(line -> line.startsWith("[INFO] Running 0 test classes"));
        Verdict.Rules failIfNoTests = new Verdict.Rules(true, true, "surefire", 0, false, false, dir);
        assertThat(Verdict.ofRun(report, failIfNoTests).passes()).isTrue();
    }

    @Test
    void theSecondRunSplitsByTheTimesTheFirstRecorded() throws Exception {
        run(dir, b -> b, new ArrayList<>());
        List<String> lines = new ArrayList<>();

        RunReport report = run(dir, b -> b.shard(new Shard(1, 2, ShardSettings.PROPERTY)), lines);

        assertThat(report.shardShare().timed()).isTrue();
        assertThat(lines).anyMatch(line -> line.matches("\\[INFO\\] Shard 1/2 .*: \\d of the suite's 4 test classes,"
                + " expected [0-9.]+ s of the suite's [0-9.]+ s by the history file \\(split key [0-9a-f]{12}\\)"));
    }

    private RunReport run(Path workDirectory, UnaryOperator<RunConfig.Builder> tweak, List<String> lines)
            throws Exception {
        Files.createDirectories(workDirectory);
        return Isolane.run(tweak.apply(RunHarness.config(workDirectory, SUITE)).build(), RunHarness.recording(lines));
    }
}
