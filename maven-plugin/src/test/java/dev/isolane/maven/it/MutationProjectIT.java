package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Changes made in place to the objects static fields hold, through real Maven, in one build: a {@code static final}
 * registry map one class fills and another reads, a singleton whose setter one class calls, an array element
 * written; and the cases that must stay silent: a lazily filled cache, constant tables only read (one of them a million
 * times), a set changed in {@code @BeforeEach} and put back in {@code @AfterEach}. One thread, alphabetical order, so
 * each writer runs, alone, before its reader. Replays confirm the registry's violation: its reader depends on it.
 */
class MutationProjectIT {

    private static BuildResult build;

    @BeforeAll
    static void runBuild() {
        build = MavenBuild.project("mutation").args("verify", "-Disolane.confirm=all").run();
    }

    @Test
    void everyTestPassesAndViolationsDoNotFailTheBuild() {
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("Tests run: 13, Failures: 0, Errors: 0, Skipped: 0");
    }

    @Test
    void theJsonReportListsExactlyTheThreePlantedChangesInPlace() {
        assertThat(targets()).containsExactly("com.acme.Limits.MAX", "com.acme.Registry.ENTRIES",
                "com.acme.Settings.INSTANCE");
    }

    @Test
    void aStaticFinalRegistryFilledByOneClassAndReadByAnother() {
        JsonObject registry = violation("com.acme.Registry.ENTRIES");
        assertThat(registry.get("kind").getAsString()).isEqualTo("static-field");
        assertThat(strings(registry, "writers")).containsExactly("com.acme.RegistryFillTest");
        assertThat(strings(registry, "readers")).containsExactly("com.acme.RegistryLookupTest");
        assertThat(registry.get("restored").getAsBoolean()).isFalse();
        assertThat(registry.get("concurrent").getAsBoolean()).isFalse();
        assertThat(registry.get("inPlace").getAsString()).isEqualTo("contents changed in place (3 -> 4 entries)");
        assertThat(registry.get("hint").getAsString()).isEqualTo("annotate RegistryFillTest with @IsolatedProcess,"
                + " or put the contents of Registry.ENTRIES back in @AfterEach/@AfterAll (undo what the class changed,"
                + " or save a copy first and restore it)");
    }

    @Test
    void theRegistrysReaderThatDependsOnTheFillIsConfirmedByReplay() {
        JsonObject confirmation = violation("com.acme.Registry.ENTRIES").getAsJsonObject("confirmation");
        assertThat(confirmation.get("status").getAsString()).isEqualTo("confirmed");
        assertThat(confirmation.get("test").getAsString()).contains("[class:com.acme.RegistryLookupTest]")
                .endsWith("[method:findsYaml()]");
        assertThat(confirmation.get("message").getAsString())
                .startsWith("expected: <YamlHandler> but was: <null>")
                .contains("fails alone, passed after RegistryFillTest");
        assertThat(build.log()).contains("confirmed: RegistryLookupTest.findsYaml needs RegistryFillTest first:"
                + " expected: <YamlHandler> but was: <null> (fails alone, passed after RegistryFillTest)");
    }

    @Test
    void aSingletonsSetterCalledByOneClassAndReadByAnother() {
        JsonObject settings = violation("com.acme.Settings.INSTANCE");
        assertThat(strings(settings, "writers")).containsExactly("com.acme.SettingsTuneTest");
        assertThat(strings(settings, "readers")).containsExactly("com.acme.SettingsUseTest");
        assertThat(settings.get("inPlace").getAsString()).isEqualTo("fields changed in place (timeoutSeconds)");
        assertThat(settings.get("hint").getAsString()).contains("set the fields of Settings.INSTANCE it changed back");
    }

    @Test
    void anArrayElementWritten() {
        JsonObject limits = violation("com.acme.Limits.MAX");
        assertThat(strings(limits, "writers")).containsExactly("com.acme.LimitsRaiseTest");
        assertThat(strings(limits, "readers")).containsExactly("com.acme.LimitsReadTest");
        assertThat(limits.get("inPlace").getAsString()).isEqualTo("contents changed in place (element [0] of 3)");
    }

    @Test
    void aLazyCacheConstantTablesAndARestoredChangeAreSilent() {
        assertThat(targets()).doesNotContain("com.acme.CountryNames.CACHE", "com.acme.Units.FACTORS",
                "com.acme.Units.NAMES", "com.acme.Features.ENABLED");
        assertThat(build.jsonClass("com.acme.UnitsTwoTest").get("result").getAsString()).isEqualTo("passed");
    }

    @Test
    void theConsoleAndTheHtmlPageSayTheContentsChanged() throws Exception {
        assertThat(build.log())
                .contains("[WARNING] Isolation violations: 3 pieces of JVM-wide state shared between test classes in"
                        + " the shared JVM (details in isolane-report.json):")
                .contains("[WARNING]   static field com.acme.Registry.ENTRIES -- contents changed in place (3 -> 4"
                        + " entries), left changed")
                .contains("[WARNING]     com.acme.RegistryFillTest -> com.acme.RegistryLookupTest")
                .contains("[WARNING]   static field com.acme.Settings.INSTANCE -- fields changed in place"
                        + " (timeoutSeconds), left changed");
        String html = Files.readString(build.reports().resolve("isolane-report.html"));
        // The page embeds the report as JSON in a script, with '>' escaped.
        assertThat(html).contains("contents changed in place (element [0] of 3)")
                .contains("contents changed in place (3 -\\u003e 4 entries)").contains("v.inPlace");
    }

    private static List<String> targets() {
        List<String> targets = new ArrayList<>();
        build.jsonReport().getAsJsonArray("violations")
                .forEach(v -> targets.add(v.getAsJsonObject().get("target").getAsString()));
        return targets;
    }

    private static JsonObject violation(String target) {
        for (JsonElement element : build.jsonReport().getAsJsonArray("violations")) {
            if (element.getAsJsonObject().get("target").getAsString().equals(target)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no violation on " + target + " in " + build.jsonReport().get("violations"));
    }

    private static List<String> strings(JsonObject violation, String name) {
        JsonArray array = violation.getAsJsonArray(name);
        List<String> strings = new ArrayList<>();
        array.forEach(e -> strings.add(e.getAsString()));
        return strings;
    }
}
