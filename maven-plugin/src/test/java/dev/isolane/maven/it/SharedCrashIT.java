package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A class ends the shared JVM in a way the agent cannot stop, while three others run beside it. The culprit is
 * reported crashed with the exit code or signal and its last output; the others run again and their results are
 * delivered. When the evidence names the culprit (an exit's last word, a crash report's thread) they run again in a
 * fresh shared JVM; when it cannot (a halt, a SIGKILL with every class mid-test) each runs alone, which finds it.
 */
class SharedCrashIT {

    private static final List<String> BYSTANDERS = List.of("com.acme.Bystander01Test", "com.acme.Bystander02Test",
            "com.acme.Bystander03Test");

    @ParameterizedTest(name = "it.crash={0}")
    @CsvSource(delimiter = '|', value = {
            "exit   | exited with code 21                     | it is to blame: it called exit on thread isolane-shared-",
            "native | crashed natively: SIGSEGV               | it is to blame: the JVM crashed on its thread isolane-shared-",
            "halt   | exited with code 22                     | ",
            "kill   | was killed by signal 9 (exit code 137)  | "})
    void theCulpritIsReportedAndEveryOtherClassIsDelivered(String crash, String how, String evidence) {
        BuildResult build = MavenBuild.project("shared-crash").args("verify", "-Dit.crash=" + crash).run();

        assertThat(build.exitCode()).as(build.log()).isNotZero();
        JsonObject culprit = build.jsonClass("com.acme.CulpritTest");
        assertThat(culprit.get("result").getAsString()).isEqualTo("crashed");
        String detail = culprit.get("detail").getAsString();
        assertThat(detail).contains(how).contains("CulpritTest is about to " + crash);
        JsonObject test = culprit.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertThat(test.get("displayName").getAsString()).isEqualTo("bringsDownItsJvm()");
        assertThat(test.get("status").getAsString()).isEqualTo("error");
        assertThat(build.log()).contains("<<< CRASHED! -- in com.acme.CulpritTest");

        for (String name : BYSTANDERS) {
            JsonObject bystander = build.jsonClass(name);
            assertThat(bystander.get("result").getAsString()).as(name).isEqualTo("passed");
            assertThat(bystander.getAsJsonArray("tests")).as(name).hasSize(2);
            assertThat(bystander.get("pid").getAsLong()).as(name).isEqualTo(build.records().get(name).pid());
        }
        assertThat(build.log()).contains("Tests run: 7, Failures: 0, Errors: 1, Skipped: 0");

        String warnings = warnings(build);
        if (evidence != null) {
            // Named by the evidence: the first JVM's culprit is it, and the others ran again in a fresh shared JVM.
            assertThat(detail).contains(evidence);
            assertThat(culprit.get("lane").getAsString()).isEqualTo("shared");
            assertThat(warnings).contains("in a fresh shared JVM");
            for (String name : BYSTANDERS) {
                JsonObject bystander = build.jsonClass(name);
                assertThat(bystander.get("lane").getAsString()).as(name).isEqualTo("shared");
                assertThat(bystander.get("pid").getAsLong()).as(name).isNotEqualTo(culprit.get("pid").getAsLong());
            }
        } else {
            // Whatever the first death told, the runs that followed pinned it on the culprit alone.
            assertThat(warnings).contains("Re-running");
            for (String name : BYSTANDERS) {
                assertThat(build.jsonClass(name).get("pid").getAsLong()).as(name)
                        .isNotEqualTo(culprit.get("pid").getAsLong());
            }
        }
    }

    private static String warnings(BuildResult build) {
        StringBuilder text = new StringBuilder();
        for (JsonElement warning : build.jsonReport().getAsJsonArray("warnings")) {
            text.append(warning.getAsString()).append('\n');
        }
        return text.toString();
    }
}
