package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A suite of thirty classes that sleep known times, run whole once (which writes the history), then as four shards
 * one after another, each starting from a copy of that history as a CI machine restores its cache: every class runs
 * exactly once over the shards, with the outcomes of the whole run; each CI's variables pick the shard the parameter
 * picks; the shards' histories merge into one; bad values stop the build before any JVM starts.
 */
class ShardsIT {

    private static final String VERSION = MavenBuild.property("isolane.version");
    private static final String TEST_GOAL = "dev.isolane:isolane-maven-plugin:" + VERSION + ":test";
    private static final String MERGE_GOAL = "dev.isolane:isolane-maven-plugin:" + VERSION + ":merge-history";
    private static final String REPORT_GOAL = "dev.isolane:isolane-maven-plugin:" + VERSION + ":report";
    private static final List<String> CI_VARIABLES = List.of("CI_NODE_INDEX", "CI_NODE_TOTAL", "CIRCLE_NODE_INDEX",
            "CIRCLE_NODE_TOTAL", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", "TEST_SHARD_INDEX",
            "TEST_TOTAL_SHARDS", "TEST_SHARD_STATUS_FILE");

    private static Path project;
    private static JsonObject whole;
    /** Per shard 1 to 4: its JSON report and its log. */
    private static final List<JsonObject> shardReports = new ArrayList<>();
    private static final List<BuildResult> shardBuilds = new ArrayList<>();

    @BeforeAll
    static void runWholeThenFourShards() throws IOException {
        project = MavenBuild.project("shards").copyProject();
        MavenBuild wholeRun = MavenBuild.project("shards").args("verify");
        ci().forEach(wholeRun::env);
        BuildResult first = wholeRun.runIn(project);
        assertThat(first.exitCode()).as(first.log()).isZero();
        whole = first.jsonReport();
        assertThat(whole.has("shard")).isFalse();
        Files.copy(project.resolve(".isolane/history.json"), project.resolve("cached-history.json"));
        for (int index = 1; index <= 4; index++) {
            BuildResult build = shard("shard-" + index, ci()).args("-Disolane.shard=" + index + "/4")
                    .runIn(project);
            assertThat(build.exitCode()).as(build.log()).isZero();
            shardBuilds.add(build);
            shardReports.add(report("shard-" + index));
        }
    }

    @Test
    void everyClassRunsInExactlyOneShardWithTheOutcomesOfTheWholeRun() {
        Map<String, Map<String, String>> merged = new TreeMap<>();
        int tests = 0;
        for (JsonObject report : shardReports) {
            outcomes(report).forEach((className, statuses) ->
                    assertThat(merged.put(className, statuses)).as(className + " ran twice").isNull());
            tests += report.getAsJsonObject("totals").get("tests").getAsInt();
        }

        assertThat(merged).hasSize(30).isEqualTo(outcomes(whole));
        assertThat(tests).isEqualTo(whole.getAsJsonObject("totals").get("tests").getAsInt());
        assertThat(merged.get("com.acme.shards.Timed13Test")).containsEntry("failsOnPurpose()", "failed");
        assertThat(merged.get("com.acme.shards.Timed17Test")).containsEntry("skipped()", "skipped");
    }

    @Test
    void eachShardSaysWhichItIsWhereItsNumberCameFromAndTheSplitIsBalanced() {
        List<Long> expected = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        for (int index = 1; index <= 4; index++) {
            JsonObject shard = shardReports.get(index - 1).getAsJsonObject("shard");
            assertThat(shard.get("index").getAsInt()).isEqualTo(index);
            assertThat(shard.get("total").getAsInt()).isEqualTo(4);
            assertThat(shard.get("source").getAsString()).isEqualTo("isolane.shard");
            assertThat(shard.get("suiteClasses").getAsInt()).isEqualTo(30);
            assertThat(shard.get("byHistory").getAsBoolean()).isTrue();
            int classes = shard.get("classes").getAsInt();
            assertThat(shardBuilds.get(index - 1).logLines("[INFO] Shard " + index + "/4 (from the shard parameter"
                    + " (isolane.shard)): " + classes + " of the suite's 30 test classes, expected "))
                    .as(shardBuilds.get(index - 1).log()).singleElement().asString()
                    .contains("s by the history file (split key " + shard.get("splitKey").getAsString() + ")");
            expected.add(shard.get("expectedMillis").getAsLong());
            keys.add(shard.get("splitKey").getAsString() + " " + shard.get("suiteKey").getAsString());
        }

        assertThat(keys).as("every shard split the same inputs").hasSize(1);
        double mean = expected.stream().mapToLong(Long::longValue).sum() / 4.0;
        assertThat(expected.stream().mapToLong(Long::longValue).max().orElseThrow() / mean)
                .as("expected times %s", expected).isLessThan(1.15);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "GitLab,    CI_NODE_INDEX,          3, CI_NODE_TOTAL,                4, counted from 1",
            "CircleCI,  CIRCLE_NODE_INDEX,      2, CIRCLE_NODE_TOTAL,            4, counted from 0",
            "Buildkite, BUILDKITE_PARALLEL_JOB, 2, BUILDKITE_PARALLEL_JOB_COUNT, 4, counted from 0",
            "Bazel,     TEST_SHARD_INDEX,       2, TEST_TOTAL_SHARDS,            4, counted from 0"})
    void eachCiConventionPicksTheShardTheParameterPicks(String ci, String indexVariable, String index,
            String totalVariable, String total, String base) throws IOException {
        Map<String, String> environment = ci();
        environment.put(indexVariable, index);
        environment.put(totalVariable, total);
        Path status = project.resolve("bazel-status-" + ci);
        environment.put("TEST_SHARD_STATUS_FILE", status.toString());

        BuildResult build = shard("ci-" + ci, environment).runIn(project);

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.logLines("[INFO] Shard 3/4 (from " + indexVariable + " and " + totalVariable + " ("))
                .as(build.log()).singleElement().asString().contains(base);
        JsonObject report = report("ci-" + ci);
        assertThat(report.getAsJsonObject("shard").get("source").getAsString()).isEqualTo(indexVariable);
        assertThat(outcomes(report).keySet()).isEqualTo(outcomes(shardReports.get(2)).keySet());
        // Bazel's protocol: a runner that honors the split touches the status file; only Bazel's shards do.
        assertThat(Files.exists(status)).isEqualTo(ci.equals("Bazel"));
    }

    @Test
    void theShardsHistoriesMergeIntoOneWhereEachClassIsAsItsShardRanIt() throws IOException {
        BuildResult merge = MavenBuild.project("shards").args(MERGE_GOAL,
                "-Disolane.histories=shards/shard-*/history.json", "-Disolane.historyFile=merged-history.json")
                .runIn(project);

        assertThat(merge.exitCode()).as(merge.log()).isZero();
        assertThat(merge.logLines("[INFO] Merged 4 history files into " + project.resolve("merged-history.json")
                + ": 30 classes, each as it ran last.")).as(merge.log()).hasSize(1);
        JsonObject classes = JsonParser.parseString(Files.readString(project.resolve("merged-history.json")))
                .getAsJsonObject().getAsJsonObject("classes");
        assertThat(classes.keySet()).hasSize(30);
        for (JsonObject report : shardReports) {
            Instant started = Instant.parse(report.get("startedAt").getAsString());
            for (String className : outcomes(report).keySet()) {
                assertThat(Instant.parse(classes.getAsJsonObject(className).get("ranAt").getAsString()))
                        .as(className).isEqualTo(started);
            }
        }
    }

    @Test
    void theShardsReportsMergeIntoOneWithTheWholeRunsTotals() throws IOException {
        BuildResult report = MavenBuild.project("shards").args(REPORT_GOAL,
                "-Disolane.reports=shards/shard-*/reports", "-Disolane.reportsDirectory=all-reports").runIn(project);

        assertThat(report.exitCode()).as(report.log()).isZero();
        JsonObject merged = JsonParser.parseString(Files.readString(project.resolve(
                "all-reports/isolane-report.json"))).getAsJsonObject();
        JsonObject totals = merged.getAsJsonObject("totals");
        JsonObject wholeTotals = whole.getAsJsonObject("totals");
        for (String count : List.of("classes", "tests", "passed", "failed", "errors", "skipped")) {
            assertThat(totals.get(count).getAsInt()).as(count).isEqualTo(wholeTotals.get(count).getAsInt());
        }
        assertThat(outcomes(merged)).isEqualTo(outcomes(whole));
        assertThat(merged.getAsJsonArray("runs")).hasSize(4);
        assertThat(merged.has("repeatedClasses")).isFalse();
    }

    @Test
    void aMissingShardOrAShardClaimedTwiceStopsTheMerge() throws IOException {
        BuildResult missing = MavenBuild.project("shards").args(REPORT_GOAL,
                "-Disolane.reports=shards/shard-1/reports,shards/shard-2/reports,shards/shard-4/reports",
                "-Disolane.reportsDirectory=three-reports").runIn(project);

        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.logLines("These shards' reports do not make each suite once, so nothing was merged. The"
                + " report of shard 3/4 is missing")).as(missing.log()).hasSize(1);
        assertThat(project.resolve("three-reports/isolane-report.json")).doesNotExist();

        Path again = Files.createDirectories(project.resolve("shards/again/reports"));
        Files.copy(project.resolve("shards/shard-2/reports/isolane-report.json"), again.resolve("isolane-report.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BuildResult twice = MavenBuild.project("shards").args(REPORT_GOAL,
                "-Disolane.reports=shards/shard-*/reports,shards/again/reports",
                "-Disolane.reportsDirectory=five-reports").runIn(project);

        assertThat(twice.exitCode()).isNotZero();
        assertThat(twice.logLines("Two reports claim shard 2/4: " + project.resolve(
                "shards/shard-2/reports/isolane-report.json") + ", " + project.resolve(
                "shards/again/reports/isolane-report.json"))).as(twice.log()).hasSize(1);
    }

    @Test
    void aMergeThatFindsNoHistoryFileSaysSo() {
        BuildResult merge = MavenBuild.project("shards").args(MERGE_GOAL, "-Disolane.histories=nowhere/*.json")
                .runIn(project);

        assertThat(merge.exitCode()).isNotZero();
        assertThat(merge.logLines("Invalid value for parameter 'histories': 'nowhere/*.json'. No file matches it"
                + " under " + project)).as(merge.log()).hasSize(1);
    }

    @Test
    void aShardWithNothingToRunPassesAndSaysSo() {
        BuildResult build = shard("empty", ci()).args("-Disolane.shard=31/31", "-DfailIfNoTests=true")
                .runIn(project);

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.logLines("[INFO] Shard 31/31 (from the shard parameter (isolane.shard)): none of the"
                + " suite's 30 test classes fell to this shard; nothing to run, and it passes.")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "-Disolane.shard=0/4 | | 'shard': '0/4'. That is shard 0 of 4 counted from 1, but the shards are 1 to 4",
            "-Disolane.shard=5/4 | | 'shard': '5/4'. That is shard 5 of 4 counted from 1, but the shards are 1 to 4",
            "-Disolane.shard=a/b | | 'shard': 'a/b'. Write this machine's shard as i/n, counted from 1",
            "-Dit.none=1 | CI_NODE_INDEX=5 | 'shard': 'CI_NODE_INDEX=5, CI_NODE_TOTAL=4'. That is shard 5 of 4",
            "-Dit.none=1 | CIRCLE_NODE_INDEX=1 | 'shard': 'CIRCLE_NODE_INDEX=1, CIRCLE_NODE_TOTAL=(not set)'. Both"
                    + " must be set"})
    void aBadShardIsOneClearErrorBeforeAnyJvmStarts(String argument, String variable, String message) {
        Path fresh = MavenBuild.project("shards").copyProject();
        Map<String, String> environment = ci();
        if (variable != null) {
            environment.put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
            if (variable.startsWith("CI_NODE_INDEX")) {
                environment.put("CI_NODE_TOTAL", "4");
            }
        }
        MavenBuild maven = MavenBuild.project("shards").args(TEST_GOAL, argument);
        environment.forEach(maven::env);

        BuildResult build = maven.runIn(fresh);

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.logLines("Invalid value for parameter " + message)).as(build.log()).hasSize(1);
        assertThat(build.logLines("Invalid value for parameter")).hasSize(1);
        assertThat(Files.exists(fresh.resolve("target/isolane-work"))).as("a worker was started").isFalse();
    }

    /**
     * A shard's build in its own folder, as on a CI machine: the history restored from the cache, and its own reports
     * directory.
     */
    private static MavenBuild shard(String name, Map<String, String> environment) {
        Path folder = project.resolve("shards").resolve(name);
        try {
            Files.createDirectories(folder);
            Files.copy(project.resolve("cached-history.json"), folder.resolve("history.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MavenBuild maven = MavenBuild.project("shards").args(TEST_GOAL,
                "-Disolane.historyFile=" + folder.resolve("history.json"),
                "-Disolane.reportsDirectory=" + folder.resolve("reports"));
        environment.forEach(maven::env);
        return maven;
    }

    /** Every CI variable set blank, which counts as not set (MavenBuild removes the outer build's own). */
    private static Map<String, String> ci() {
        Map<String, String> environment = new LinkedHashMap<>();
        CI_VARIABLES.forEach(name -> environment.put(name, ""));
        return environment;
    }

    private static JsonObject report(String shard) {
        try {
            return JsonParser.parseString(Files.readString(project.resolve("shards").resolve(shard)
                    .resolve("reports/isolane-report.json"))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per class, its tests' display names and statuses. */
    private static Map<String, Map<String, String>> outcomes(JsonObject report) {
        Map<String, Map<String, String>> outcomes = new TreeMap<>();
        for (JsonElement element : report.getAsJsonArray("classes")) {
            JsonObject entry = element.getAsJsonObject();
            Map<String, String> tests = new TreeMap<>();
            for (JsonElement test : entry.getAsJsonArray("tests")) {
                tests.put(test.getAsJsonObject().get("displayName").getAsString(),
                        test.getAsJsonObject().get("status").getAsString());
            }
            outcomes.put(entry.get("className").getAsString(), tests);
        }
        return outcomes;
    }
}
