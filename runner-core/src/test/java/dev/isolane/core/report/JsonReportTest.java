package dev.isolane.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunReport;
import dev.isolane.core.Shard;
import dev.isolane.core.ShardShare;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.model.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    @TempDir
    Path dir;

    @Test
    void followsTheSchemaOfDesignMd() throws Exception {
        Instant started = Instant.parse("2026-11-26T10:00:00Z");
        long origin = started.toEpochMilli();
        TestResult failed = new TestResult("[engine:junit-jupiter]/[class:com.acme.FooTest]/[method:a()]", "a()",
                "a", "com.acme.FooTest", TestStatus.FAILED, 7, "boom", "java.lang.AssertionError", "trace", "", "");
        ClassResult foo = new ClassResult("com.acme.FooTest", Lane.SHARED, 11, "isolane-shared-1", origin + 100,
                origin + 300, ClassOutcome.FAILED, List.of(failed), "", "", null);
        ClassResult bar = new ClassResult("com.acme.BarTest", Lane.ISOLATED, 12, "isolane-isolated-1", origin + 50,
                origin + 900, ClassOutcome.CRASHED, List.of(), "", "", "exited with code 1");
        Violation violation = new Violation(StateKind.SYSTEM_PROPERTY, "user.timezone", List.of("com.acme.FooTest"),
                List.of("com.acme.BazTest"), true, false, "restore it");
        RunConfig config = RunConfig.builder().threads(3).forks(2).workingDirectory(dir).build();
        RunReport report = new RunReport(started, 1234, 56, config, List.of(foo, bar), List.of(violation), List.of(),
                List.of());

        JsonObject json = JsonParser.parseString(Files.readString(JsonReport.write(dir, report))).getAsJsonObject();

        assertThat(json.get("schemaVersion").getAsInt()).isEqualTo(1);
        assertThat(json.get("startedAt").getAsString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(json.get("durationMillis").getAsLong()).isEqualTo(1234);
        assertThat(json.get("coordinatorCpuMillis").getAsLong()).isEqualTo(56);
        JsonObject configJson = json.getAsJsonObject("config");
        assertThat(configJson.keySet()).contains("threads", "forks", "isolation", "detect");
        assertThat(configJson.get("isolation").getAsString()).isEqualTo("annotated");
        JsonObject totals = json.getAsJsonObject("totals");
        assertThat(totals.get("classes").getAsInt()).isEqualTo(2);
        assertThat(totals.get("tests").getAsInt()).isEqualTo(1);
        assertThat(totals.get("failed").getAsInt()).isEqualTo(1);
        assertThat(totals.keySet()).contains("passed", "errors", "skipped");
        JsonObject first = json.getAsJsonArray("classes").get(0).getAsJsonObject();
        assertThat(first.keySet()).contains("className", "lane", "pid", "thread", "startMillis", "endMillis",
                "result", "tests");
        assertThat(first.get("lane").getAsString()).isEqualTo("shared");
        assertThat(first.get("startMillis").getAsLong()).isEqualTo(100);
        assertThat(first.get("endMillis").getAsLong()).isEqualTo(300);
        assertThat(first.get("result").getAsString()).isEqualTo("failed");
        JsonObject test = first.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertThat(test.keySet()).contains("uniqueId", "displayName", "status", "durationMillis", "message");
        assertThat(test.get("status").getAsString()).isEqualTo("failed");
        JsonObject second = json.getAsJsonArray("classes").get(1).getAsJsonObject();
        assertThat(second.get("result").getAsString()).isEqualTo("crashed");
        JsonObject violationJson = json.getAsJsonArray("violations").get(0).getAsJsonObject();
        assertThat(violationJson.keySet()).containsExactlyInAnyOrder("kind", "target", "writers", "readers",
                "concurrent", "restored", "hint");
        assertThat(violationJson.get("kind").getAsString()).isEqualTo("system-property");
    }

    @Test
    void unattributedNotesHaveTheirOwnFieldApartFromWarnings() throws Exception {
        Violation violation = new Violation(StateKind.STATIC_FIELD, "com.acme.Ids.next", List.of("com.acme.ATest"),
                List.of(), false, false, "annotate ATest");
        RunConfig config = RunConfig.builder().workingDirectory(dir).build();
        List<String> notes = List.of("Not attributed: system-property acme.mode changed while no test class was"
                + " running; Isolane cannot tell which class did it.");
        List<String> warnings = List.of("com.acme.BrokenTest: java.lang.NoClassDefFoundError: com/acme/Gone");
        RunReport report = new RunReport(Instant.parse("2026-11-26T10:00:00Z"), 10, 1, config, List.of(),
                List.of(violation), notes, warnings);

        String text = Files.readString(JsonReport.write(dir, report));
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertThat(json.getAsJsonArray("unattributed")).hasSize(1);
        assertThat(json.getAsJsonArray("warnings")).hasSize(1);

        JsonReport.Document read = new Gson().fromJson(text, JsonReport.Document.class);
        assertThat(read.unattributed()).isEqualTo(notes);
        assertThat(read.warnings()).isEqualTo(warnings);
        assertThat(read.violations()).containsExactly(violation);
    }

    @Test
    void kindsAndLanesAreWrittenAsTheirLabels() {
        // The report, the history file and the console all name them so; Gson writes the @SerializedName.
        Gson gson = new Gson();
        for (StateKind kind : StateKind.values()) {
            assertThat(gson.toJson(kind)).isEqualTo("\"" + kind.label() + "\"");
            assertThat(gson.fromJson("\"" + kind.label() + "\"", StateKind.class)).isEqualTo(kind);
        }
        for (Lane lane : Lane.values()) {
            assertThat(gson.toJson(lane)).isEqualTo("\"" + lane.label() + "\"");
            assertThat(gson.fromJson("\"" + lane.label() + "\"", Lane.class)).isEqualTo(lane);
        }
    }

    @Test
    void aShardsReportSaysWhichShardAndAWholeRunsReportHasNoShard() throws Exception {
        RunConfig config = RunConfig.builder().workingDirectory(dir).build();
        RunReport whole = new RunReport(Instant.parse("2026-12-03T10:00:00Z"), 10, 1, config, List.of(), List.of(),
                List.of(), List.of());
        assertThat(JsonParser.parseString(Files.readString(JsonReport.write(dir, whole))).getAsJsonObject()
                .has("shard")).isFalse();

        ShardShare share = new ShardShare(new Shard(2, 4, "CI_NODE_INDEX"), 7, 30, 12_000, 48_000, true,
                "0123456789ab", "ba9876543210");
        RunReport shard = new RunReport(Instant.parse("2026-12-03T10:00:00Z"), 10, 1, config, List.of(), List.of(),
                List.of(), List.of(), null, share);
        JsonObject json = JsonParser.parseString(Files.readString(JsonReport.write(dir, shard))).getAsJsonObject()
                .getAsJsonObject("shard");

        assertThat(json.get("index").getAsInt()).isEqualTo(2);
        assertThat(json.get("total").getAsInt()).isEqualTo(4);
        assertThat(json.get("source").getAsString()).isEqualTo("CI_NODE_INDEX");
        assertThat(json.get("classes").getAsInt()).isEqualTo(7);
        assertThat(json.get("suiteClasses").getAsInt()).isEqualTo(30);
        assertThat(json.get("expectedMillis").getAsLong()).isEqualTo(12_000);
        assertThat(json.get("suiteExpectedMillis").getAsLong()).isEqualTo(48_000);
        assertThat(json.get("byHistory").getAsBoolean()).isTrue();
        assertThat(json.get("splitKey").getAsString()).isEqualTo("0123456789ab");
        assertThat(json.get("suiteKey").getAsString()).isEqualTo("ba9876543210");
    }

    @Test
    void testEntriesAreWrittenAsGsonsReflectionWritesThem() throws Exception {
        JsonReport.TestEntry rerun = new JsonReport.TestEntry("u1", "d \"q\" \u2603", "passed", 3, null, null, 2, true,
                "n", null, "trace", null, "err", List.of(new JsonReport.RerunEntry("failed", 2, "m", "T", "s"),
                        new JsonReport.RerunEntry("error", 1, null, null, null)));
        JsonReport.TestEntry bare = new JsonReport.TestEntry("u2", null, "skipped", 0, null, null, 1, false, null,
                null, null, null, null, null);
        JsonReport.TestEntry full = new JsonReport.TestEntry("u3", "d", "failed", 9, "msg", "java.lang.Error", 1,
                false, "name", "a.B$C", "st", "out", "err", List.of());
        JsonReport.Document written = new JsonReport.Document(1, "2026-12-01T10:00:00Z", 1, 2,
                new JsonReport.Config(2, 2, "annotated", "statics"), null, new JsonReport.Counts(1, 3, 1, 1, 0, 1, 1),
                List.of(new JsonReport.ClassEntry("a.B", "shared", 1, "t", 0, 1, "passed", null,
                        List.of(rerun, bare, full), null, null, null)), null, null, null, null, null, null, null);
        Path file = JsonReport.write(dir, written);

        com.google.gson.Gson reflective = new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
                .create();
        assertThat(Files.readString(file)).isEqualTo(reflective.toJson(written));
        assertThat(JsonReport.read(file).classes().get(0).tests()).containsExactly(rerun, bare, full);
    }

    @Test
    void aRunReadsBackAsItWasWritten() throws Exception {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        JsonReport.Document written = JsonReport.document(SampleReports.small(started, dir, "A"), "mvn verify");
        Path file = JsonReport.write(dir, written);

        JsonReport.Document read = JsonReport.read(file);
        assertThat(read).isEqualTo(written);
        assertThat(read.isMerged()).isFalse();
        assertThat(read.commandLine()).isEqualTo("mvn verify");
        JsonReport.ClassEntry isolated = read.classes().get(2);
        assertThat(isolated.jvmStartMillis()).isEqualTo(50);
        assertThat(isolated.jvmReadyMillis()).isEqualTo(300);
        assertThat(read.classes().get(0).jvmStartMillis()).isNull();
        JsonReport.TestEntry failed = read.classes().get(1).tests().get(0);
        assertThat(failed.reportName()).isEqualTo("breaks");
        assertThat(failed.reportClass()).isNull(); // the class's own name
        assertThat(failed.stackTrace()).startsWith("org.opentest4j.AssertionFailedError: expected 1");
        assertThat(failed.stdout()).isEqualTo("out");
        JsonReport.TestEntry passed = read.classes().get(0).tests().get(0);
        assertThat(passed.stackTrace()).isNull();
        assertThat(passed.stdout()).isNull();
    }

    @Test
    void aClassEntryBecomesTheResultItWasMadeOf() {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        RunReport run = SampleReports.small(started, dir, "A");
        JsonReport.Document document = JsonReport.document(run, null);

        ClassResult bravo = JsonReport.classResult(document.classes().get(1), started.toEpochMilli());
        ClassResult original = run.classes().get(1);
        assertThat(bravo.startMillis()).isEqualTo(original.startMillis());
        assertThat(bravo.endMillis()).isEqualTo(original.endMillis());
        assertThat(bravo.outcome()).isEqualTo(ClassOutcome.FAILED);
        assertThat(bravo.tests()).containsExactlyElementsOf(original.tests());
        ClassResult common = JsonReport.classResult(document.classes().get(2), started.toEpochMilli());
        assertThat(common.jvmStartMillis()).isEqualTo(run.classes().get(2).jvmStartMillis());
        assertThat(common.jvmReadyMillis()).isEqualTo(run.classes().get(2).jvmReadyMillis());
        assertThat(common.lane()).isEqualTo(Lane.ISOLATED);
    }

    @Test
    void longOutputIsCutWithANote() {
        String big = "x".repeat(JsonReport.TEXT_LIMIT + 10);
        assertThat(JsonReport.cut(big)).hasSizeLessThan(JsonReport.TEXT_LIMIT + 200)
                .endsWith("[... 10 more characters cut; the whole text is in the class's TEST-*.xml]");
        assertThat(JsonReport.cut("")).isNull();
    }

    @Test
    void aFileThatIsNotAReportIsNamedWithWhatIsWrong() throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.json"), "<html>");
        Path otherJson = Files.writeString(dir.resolve("b.json"), "{\"name\": \"package.json\"}");
        Path newer = Files.writeString(dir.resolve("c.json"), "{\"schemaVersion\": 2, \"totals\": {},"
                + " \"classes\": []}");

        assertThatThrownBy(() -> JsonReport.read(notJson)).isInstanceOf(JsonReport.UnreadableReport.class)
                .hasMessageStartingWith(notJson + " is not an Isolane report: it is not valid JSON");
        assertThatThrownBy(() -> JsonReport.read(otherJson)).isInstanceOf(JsonReport.UnreadableReport.class)
                .hasMessage(otherJson + " is not an Isolane report: it has no schemaVersion, totals and classes."
                        + " Name the isolane-report.json files that isolane:test wrote.");
        assertThatThrownBy(() -> JsonReport.read(newer)).isInstanceOf(JsonReport.UnreadableReport.class)
                .hasMessageContaining("schema version 2, but this Isolane reads version 1");
    }
}
