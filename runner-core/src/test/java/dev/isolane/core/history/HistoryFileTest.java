package dev.isolane.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.Detection;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunLog;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.Violation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final RunLog log = new RunLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {
            warnings.add(line);
        }

        @Override
        public void error(String line) {}
    };

    @Test
    void roundTripsDurationsAndChangedState() throws Exception {
        Path file = dir.resolve(".isolane/history.json");
        History written = History.empty().updatedWith(report(Detection.STATICS,
                List.of(shared("A", 120), shared("B", 30)),
                List.of(new Violation(StateKind.STATIC_FIELD, "com.acme.Config.mode", List.of("A"), List.of("B"), true,
                        false, "hint"))));
        HistoryFile.write(file, written);

        History read = HistoryFile.read(file, log);
        assertThat(warnings).isEmpty();
        assertThat(read).isEqualTo(written);
        assertThat(read.classes().get("A").durationMillis()).isEqualTo(120);
        assertThat(read.classes().get("A").changedState()).containsExactly(
                new History.ChangedState(StateKind.STATIC_FIELD, "com.acme.Config.mode", false));
        assertThat(read.violators()).containsExactly("A");
        assertThat(Files.readString(file)).contains("\"schemaVersion\": 1");
    }

    @Test
    void aFileWrittenBeforeKindsAndLanesWereTypedReadsAndIsWrittenBackTheSame() throws Exception {
        // Written by the plugin for the violations IT project when History held kinds and lanes as strings.
        Path file = dir.resolve("history.json");
        try (InputStream in = HistoryFileTest.class.getResourceAsStream("/history/violations-project.json")) {
            Files.write(file, in.readAllBytes());
        }
        String before = Files.readString(file);

        History read = HistoryFile.read(file, log);
        assertThat(warnings).isEmpty();
        assertThat(read.classes().get("com.acme.CleanTest").lane()).isEqualTo(Lane.SHARED);
        assertThat(read.classes().get("com.acme.ModeSwitchTest").lane()).isEqualTo(Lane.ISOLATED);
        assertThat(read.classes().get("com.acme.ModeSwitchTest").changedState()).containsExactly(
                new History.ChangedState(StateKind.STATIC_FIELD, "com.acme.Registry.mode", false));
        assertThat(read.classes().get("com.acme.PropertyLeakTest").changedState()).containsExactly(
                new History.ChangedState(StateKind.SYSTEM_PROPERTY, "acme.region", false));
        assertThat(read.violators()).containsExactly("com.acme.ModeSwitchTest", "com.acme.PropertyLeakTest");
        assertThat(read.confirmedViolators()).isEmpty();

        HistoryFile.write(file, read);
        // The same, with the fields added since: whether a replay confirmed each change (none, as far as the file
        // knows), whether each class failed (none did), and the last runs for the HTML report's trend (none known).
        assertThat(Files.readString(file)).isEqualTo(before
                .replaceAll("(\"restored\": (?:true|false))", "$1,\n          \"confirmed\": false")
                .replaceAll("(\"changedState\": \\[[^\\]]*\\])",
                "$1,\n      \"failed\": false").replaceFirst("\n}\\s*$", ",\n  \"runs\": []\n}"));
    }

    @Test
    void aWriterWhoseViolationAReplayConfirmedIsRecordedAsAConfirmedViolator() throws Exception {
        Violation confirmed = new Violation(StateKind.STATIC_FIELD, "com.acme.Config.mode", List.of("A", "C"),
                List.of("B"), false, false, "hint").withConfirmation(
                dev.isolane.core.model.Confirmation.confirmed("C", "B", "[engine:x]/[method:t()]", "boom"));
        Path file = dir.resolve("history.json");
        HistoryFile.write(file, History.empty().updatedWith(report(Detection.STATICS,
                List.of(shared("A", 1), shared("B", 1), shared("C", 1)), List.of(confirmed))));

        History read = HistoryFile.read(file, log);

        assertThat(read.violators()).containsExactly("A", "C");
        assertThat(read.confirmedViolators()).containsExactly("C");
        assertThat(read.classes().get("C").changedState()).containsExactly(
                new History.ChangedState(StateKind.STATIC_FIELD, "com.acme.Config.mode", false, true));
    }

    @Test
    void aKindThisVersionDoesNotKnowMakesTheFileCorrupt() throws Exception {
        Path file = dir.resolve("history.json");
        Files.writeString(file, "{\"schemaVersion\":1,\"classes\":{\"A\":{\"durationMillis\":1,\"lane\":\"shared\","
                + "\"changedState\":[{\"kind\":\"static_field\",\"target\":\"a.B.c\"}]}}}");
        assertThat(HistoryFile.read(file, log).classes()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("is corrupt");
    }

    @Test
    void aMissingFileIsAnEmptyHistoryWithoutWarning() {
        assertThat(HistoryFile.read(dir.resolve("none.json"), log).classes()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCorruptFileIsWarnedAboutAndReadAsEmpty() throws Exception {
        Path file = dir.resolve("history.json");
        for (String corrupt : List.of("{not json", "[]", "{\"schemaVersion\":1,\"classes\":{\"A\":null}}",
                "{\"schemaVersion\":1,\"classes\":{\"A\":{\"changedState\":[{\"kind\":null}]}}}", "")) {
            Files.writeString(file, corrupt);
            warnings.clear();
            assertThat(HistoryFile.read(file, log).classes()).as(corrupt).isEmpty();
            assertThat(warnings).as(corrupt).singleElement().asString()
                    .contains(file.toString()).contains("rewritten at the end of this run");
        }
    }

    @Test
    void anotherSchemaVersionIsWarnedAboutByNumber() throws Exception {
        Path file = dir.resolve("history.json");
        Files.writeString(file, "{\"schemaVersion\": 7, \"classes\": {}}");
        assertThat(HistoryFile.read(file, log).classes()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("schema version 7")
                .contains("reads version 1");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsWarnedAbout() throws Exception {
        Path file = Files.createDirectories(dir.resolve("history.json"));
        assertThat(HistoryFile.read(file, log).classes()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("Cannot read the history file");
    }

    @Test
    void aClassThatRanIsolatedKeepsWhatItLearnedAndACleanSharedRunForgetsIt() {
        History learned = History.empty().updatedWith(report(Detection.STATICS, List.of(shared("A", 10)),
                List.of(new Violation(StateKind.SYSTEM_PROPERTY, "p", List.of("A"), List.of(), false, false, "h"))));
        assertThat(learned.violators()).containsExactly("A");

        ClassResult isolatedA = new ClassResult("A", Lane.ISOLATED, 2, "", 0, 50, ClassOutcome.PASSED, List.of(),
                "", "", null);
        History afterAuto = learned.updatedWith(report(Detection.STATICS, List.of(isolatedA), List.of()));
        assertThat(afterAuto.violators()).containsExactly("A");
        assertThat(afterAuto.classes().get("A").durationMillis()).isEqualTo(50);
        assertThat(afterAuto.classes().get("A").lane()).isEqualTo(Lane.ISOLATED);

        assertThat(afterAuto.updatedWith(report(Detection.OFF, List.of(shared("A", 5)), List.of())).violators())
                .as("detection off observes nothing").containsExactly("A");
        assertThat(afterAuto.updatedWith(report(Detection.STATICS, List.of(shared("A", 5)), List.of())).violators())
                .as("observed clean in the shared JVM").isEmpty();
    }

    @Test
    void recordsWhichClassesFailedForFailedFirstAndForgetsItWhenTheyPass() throws Exception {
        ClassResult crashed = new ClassResult("C", Lane.ISOLATED, 2, "", 0, 5, ClassOutcome.CRASHED, List.of(), "",
                "", "gone");
        History history = History.empty().updatedWith(report(Detection.STATICS, List.of(shared("A", 1),
                failed("B"), crashed), List.of()));
        HistoryFile.write(dir.resolve("h.json"), history);
        History read = HistoryFile.read(dir.resolve("h.json"), log);

        assertThat(read.classes().get("A").failed()).isFalse();
        assertThat(read.classes().get("B").failed()).isTrue();
        assertThat(read.classes().get("C").failed()).isTrue();
        assertThat(read.updatedWith(report(Detection.STATICS, List.of(shared("B", 1)), List.of())).classes().get("B")
                .failed()).isFalse();
    }

    private static ClassResult failed(String name) {
        return new ClassResult(name, Lane.SHARED, 1, "t", 1000, 1001, ClassOutcome.FAILED, List.of(), "", "", null);
    }

    @Test
    void keepsTheLastRunsForTheTrendAndReadsOlderFilesWithoutThem() throws Exception {
        History history = History.empty();
        for (int i = 0; i < History.RUNS_KEPT + 5; i++) {
            history = history.updatedWith(report(Detection.STATICS, List.of(shared("A", 100 + i)), List.of()));
        }
        Path file = dir.resolve("history.json");
        HistoryFile.write(file, history);

        History read = HistoryFile.read(file, log);
        assertThat(read.runs()).hasSize(History.RUNS_KEPT);
        assertThat(read.runs().get(0).durationMillis()).isEqualTo(10);
        assertThat(read.runs().get(0).tests()).isZero();
        assertThat(read.runs().get(0).classes()).isEqualTo(1);

        Files.writeString(file, "{\"schemaVersion\": 1, \"classes\": {}}");
        assertThat(HistoryFile.read(file, log).runs()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    private static ClassResult shared(String name, long millis) {
        return new ClassResult(name, Lane.SHARED, 1, "t", 1000, 1000 + millis, ClassOutcome.PASSED, List.of(), "",
                "", null);
    }

    private RunReport report(Detection detection, List<ClassResult> classes, List<Violation> violations) {
        RunConfig config = RunConfig.builder().workingDirectory(dir).detection(detection).build();
        return new RunReport(Instant.parse("2025-01-01T00:00:00Z"), 10, 1, config, classes, violations, List.of(),
                List.of());
    }

    static Map<String, History.ClassHistory> classes(History history) {
        return history.classes();
    }
}
