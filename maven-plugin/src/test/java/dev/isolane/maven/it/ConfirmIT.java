package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Confirmation by replay through real Maven, on a project whose pairs of classes meet in the shared JVM (every test
 * passes there): a writer that breaks its reader when replayed before it (confirmed), a writer whose change the reader
 * tolerates (not reproduced), and a system property no class reads (not tried). One build replays every violation
 * with {@code failOnViolation=confirmed}; another turns confirmation off.
 */
class ConfirmIT {

    private static final String VICTIM_TEST = "[engine:junit-jupiter]/[class:com.acme.VictimTest]"
            + "/[method:readsDefaultMode()]";
    private static BuildResult confirmed;

    @BeforeAll
    static void replayEveryViolation() {
        confirmed = MavenBuild.project("confirm").args("verify", "-Disolane.confirm=all",
                "-Disolane.failOnViolation=confirmed").run();
    }

    @Test
    void everyTestPassesInTheRunAndTheBuildFailsOnlyForTheConfirmedViolation() {
        assertThat(confirmed.log()).contains("Tests run: 6, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(confirmed.exitCode()).as(confirmed.log()).isNotZero();
        assertThat(confirmed.log()).contains("Isolation violations confirmed by replay: 1 piece of JVM-wide state"
                + " whose writer changes its reader's outcome, and failOnViolation is confirmed:");
        assertThat(confirmed.logLines("[ERROR]   static field com.acme.Config.mode -- left changed")).isNotEmpty();
        assertThat(confirmed.logLines("[ERROR]   static field com.acme.Config.level")).isEmpty();
        assertThat(confirmed.logLines("[ERROR]   system property acme.region")).isEmpty();
    }

    @Test
    void aWriterThatBreaksItsReaderIsConfirmedWithTheReadersFailingTestAndMessage() {
        JsonObject confirmation = confirmation(confirmed, "com.acme.Config.mode");
        assertThat(confirmation.get("status").getAsString()).isEqualTo("confirmed");
        assertThat(confirmation.get("writer").getAsString()).isEqualTo("com.acme.PolluterTest");
        assertThat(confirmation.get("reader").getAsString()).isEqualTo("com.acme.VictimTest");
        assertThat(confirmation.get("test").getAsString()).isEqualTo(VICTIM_TEST);
        assertThat(confirmation.get("message").getAsString()).isEqualTo("expected: <default> but was: <strict>");
        assertThat(confirmed.logLines("[WARNING]     confirmed: PolluterTest breaks VictimTest.readsDefaultMode:"
                + " expected: <default> but was: <strict>")).hasSize(1);
    }

    @Test
    void aWriterWhoseChangeTheReaderToleratesIsNotReproduced() {
        JsonObject confirmation = confirmation(confirmed, "com.acme.Config.level");
        assertThat(confirmation.get("status").getAsString()).isEqualTo("not-reproduced");
        assertThat(confirmation.has("test")).isFalse();
        assertThat(confirmation.has("message")).isFalse();
        assertThat(confirmed.logLines("[WARNING]     not reproduced: LevelUserTest's tests had the same outcomes alone"
                + " and after LevelSetterTest")).hasSize(1);
    }

    @Test
    void aWriterWithoutReaderIsNotTried() {
        JsonObject confirmation = confirmation(confirmed, "acme.region");
        assertThat(confirmation.get("status").getAsString()).isEqualTo("not-tried");
        assertThat(confirmation.get("reason").getAsString()).isEqualTo("no reader seen");
        assertThat(confirmation.has("test")).isFalse();
    }

    @Test
    void theConsoleListsTheConfirmedViolationFirstAndSaysWhatTheReplaysCost() {
        String log = confirmed.log();
        int mode = log.indexOf("[WARNING]   static field com.acme.Config.mode");
        assertThat(mode).isPositive().isLessThan(log.indexOf("[WARNING]   system property acme.region"));
        assertThat(log.indexOf("[WARNING]   system property acme.region"))
                .isLessThan(log.indexOf("[WARNING]   static field com.acme.Config.level"));
        assertThat(confirmed.logLines("[INFO] Confirmation: replayed 2 of 3 violations in ")).singleElement()
                .asString().endsWith("(confirm=all, no budget): 1 confirmed, 1 not reproduced, 1 not tried");
        JsonObject replay = confirmed.jsonReport().getAsJsonObject("replay");
        assertThat(replay.get("mode").getAsString()).isEqualTo("all");
        assertThat(replay.get("replayed").getAsInt()).isEqualTo(2);
        assertThat(replay.get("confirmed").getAsInt()).isEqualTo(1);
        assertThat(replay.get("jvms").getAsInt()).isEqualTo(4);
        assertThat(replay.get("budgetMillis").getAsLong()).isEqualTo(-1);
    }

    @Test
    void theHistoryRecordsTheConfirmedWriter() throws Exception {
        String history = Files.readString(confirmed.directory().resolve(".isolane/history.json"));
        assertThat(history).containsPattern("\"target\": \"com.acme.Config.mode\",\\s*\"restored\": false,"
                + "\\s*\"confirmed\": true").containsPattern("\"target\": \"com.acme.Config.level\",\\s*"
                + "\"restored\": false,\\s*\"confirmed\": false");
    }

    @Test
    void withConfirmationOffNothingIsReplayedAndViolationsHaveNoConfirmation() {
        BuildResult off = MavenBuild.project("confirm").args("verify", "-Disolane.confirm=off").run();

        assertThat(off.exitCode()).as(off.log()).isZero();
        assertThat(off.jsonReport().getAsJsonArray("violations")).hasSize(3)
                .allSatisfy(v -> assertThat(v.getAsJsonObject().has("confirmation")).isFalse());
        assertThat(off.jsonReport().has("replay")).isFalse();
        assertThat(off.logLines("Confirmation:")).isEmpty();
        assertThat(off.logLines("confirmed:")).isEmpty();
    }

    private static JsonObject confirmation(BuildResult build, String target) {
        for (JsonElement element : build.jsonReport().getAsJsonArray("violations")) {
            JsonObject violation = element.getAsJsonObject();
            if (violation.get("target").getAsString().equals(target)) {
                return violation.getAsJsonObject("confirmation");
            }
        }
        throw new AssertionError("no violation on " + target + " in " + build.jsonReport().get("violations"));
    }
}
