package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Violation detection through real Maven: a project with a static field one class writes and another reads, a system
 * property left set, and an isolated class writing the same field. Checks the JSON report, the console section,
 * {@code failOnViolation}, and {@code isolation=auto} on a second run in the same directory.
 */
class ViolationsProjectIT {

    private static final String MODE = "com.acme.Registry.mode";
    private static BuildResult build;

    @BeforeAll
    static void runBuild() {
        build = MavenBuild.project("violations").run();
    }

    @Test
    void violationsAreReportedButDoNotFailTheBuildByDefault() {
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0");
    }

    @Test
    void theJsonReportListsExactlyThePlantedViolations() {
        JsonArray violations = build.jsonReport().getAsJsonArray("violations");
        assertThat(violations).hasSize(2);
        JsonObject field = violation(build, MODE);
        assertThat(field.get("kind").getAsString()).isEqualTo("static-field");
        assertThat(strings(field.getAsJsonArray("writers"))).containsExactly("com.acme.ModeSwitchTest");
        assertThat(strings(field.getAsJsonArray("readers"))).containsExactly("com.acme.ModeReaderTest");
        assertThat(field.get("restored").getAsBoolean()).isFalse();
        assertThat(field.get("hint").getAsString()).isEqualTo("annotate ModeSwitchTest with @IsolatedProcess, or"
                + " restore Registry.mode in @AfterEach/@AfterAll");
        JsonObject property = violation(build, "acme.region");
        assertThat(property.get("kind").getAsString()).isEqualTo("system-property");
        assertThat(strings(property.getAsJsonArray("writers"))).containsExactly("com.acme.PropertyLeakTest");
        assertThat(strings(property.getAsJsonArray("readers"))).isEmpty();
        assertThat(property.get("concurrent").getAsBoolean()).isFalse();
        assertThat(build.jsonReport().getAsJsonObject("config").get("detect").getAsString()).isEqualTo("statics");
    }

    @Test
    void theConsoleShowsAViolationsSectionAfterTheSummary() {
        String log = build.log();
        int summary = log.indexOf("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0");
        int section = log.indexOf("[WARNING] Isolation violations: 2 pieces of JVM-wide state shared between test"
                + " classes in the shared JVM (details in isolane-report.json):");
        assertThat(summary).isPositive();
        assertThat(section).isGreaterThan(summary);
        assertThat(log).contains("[WARNING]   static field com.acme.Registry.mode -- left changed")
                .contains("[WARNING]     com.acme.ModeSwitchTest -> com.acme.ModeReaderTest")
                .contains("[WARNING]     fix: annotate ModeSwitchTest with @IsolatedProcess, or restore"
                        + " Registry.mode in @AfterEach/@AfterAll")
                .contains("[WARNING]   system property acme.region -- left changed")
                .contains("[WARNING]     com.acme.PropertyLeakTest -> (no reader seen)");
    }

    @Test
    void everyRunWritesTheHistoryFile() throws Exception {
        String history = Files.readString(build.directory().resolve(".isolane/history.json"));
        assertThat(history).contains("\"schemaVersion\": 1").contains("\"com.acme.CleanTest\"")
                .contains("\"durationMillis\"").contains("\"target\": \"acme.region\"");
    }

    @Test
    void failOnViolationFailsTheBuildWithTheList() {
        BuildResult failing = MavenBuild.project("violations").args("verify", "-Disolane.failOnViolation=true").run();
        assertThat(failing.exitCode()).as(failing.log()).isNotZero();
        assertThat(failing.log()).contains("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0")
                .contains("Isolation violations: 2 pieces of JVM-wide state shared between test classes in the"
                        + " shared JVM, and failOnViolation is set:")
                .contains("set failOnViolation=false to report without failing");
        assertThat(failing.logLines("[ERROR]   static field com.acme.Registry.mode -- left changed")).isNotEmpty();
    }

    @Test
    void isolationAutoForksTheRecordedViolatorsOnTheNextRun() {
        Path directory = MavenBuild.project("violations").copyProject();
        BuildResult first = MavenBuild.project("violations").runIn(directory);
        assertThat(first.exitCode()).as(first.log()).isZero();

        BuildResult second = MavenBuild.project("violations").args("verify", "-Disolane.isolation=auto")
                .runIn(directory);
        assertThat(second.exitCode()).as(second.log()).isZero();
        assertThat(second.log()).contains("Isolating com.acme.ModeSwitchTest: the history file records it")
                .contains("Isolating com.acme.PropertyLeakTest: the history file records it")
                .contains("Running 5 test classes: 2 in a shared JVM on 4 threads, 3 in isolated JVMs");
        assertThat(second.jsonClass("com.acme.ModeSwitchTest").get("lane").getAsString()).isEqualTo("isolated");
        assertThat(second.jsonClass("com.acme.ModeReaderTest").get("lane").getAsString()).isEqualTo("shared");
        assertThat(second.jsonReport().getAsJsonArray("violations")).isEmpty();
        assertThat(second.log()).contains("Isolation violations: none found (detect=statics)");
    }

    private static JsonObject violation(BuildResult result, String target) {
        for (JsonElement element : result.jsonReport().getAsJsonArray("violations")) {
            if (element.getAsJsonObject().get("target").getAsString().equals(target)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no violation on " + target + " in " + result.jsonReport().get("violations"));
    }

    private static List<String> strings(JsonArray array) {
        List<String> strings = new ArrayList<>();
        array.forEach(e -> strings.add(e.getAsString()));
        return strings;
    }
}
