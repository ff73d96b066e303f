package dev.isolane.core;

import static dev.isolane.core.RunHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.Violation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Violation detection end to end: planted fixture classes run together in one real shared worker JVM (with the agent)
 * and one isolated JVM, and the run reports exactly the violations they plant, nothing for the cases that must stay
 * silent, and the one write nobody can be blamed for as unattributed.
 */
class DetectionRunTest {

    private static final String F = "dev.isolane.core.fixtures.";
    private static final String STATE = F + "state.";
    private static final String[] PLANTED = {
        "CounterWriterFixture", "CounterReaderFixture", "IsolatedCounterWriterFixture", "PropertyLeakFixture",
        "LocaleSwitchFixture", "LocaleReaderFixture", "ConstantOneFixture", "ConstantTwoFixture",
        "ConstantThreeFixture", "LazyCacheOneFixture", "LazyCacheTwoFixture", "ThreadWriterFixture",
        "StaticInitWriterFixture", "StartupConfigReaderFixture", "LeftoverThreadWriterFixture", "LeftoverThreadWitnessFixture",
        "PluginRegisterFixture", "PluginLookupFixture",
    };

    @TempDir
    static Path dir;
    private static RunReport report;

    @BeforeAll
    static void runPlantedFixtures() throws Exception {
        String[] names = new String[PLANTED.length];
        for (int i = 0; i < PLANTED.length; i++) {
            names[i] = F + PLANTED[i];
        }
        // Enough threads that every shared class runs at once: the rendezvous between classes needs it.
        report = RunHarness.run(dir, b -> b.detection(Detection.STATICS).threads(PLANTED.length), names);
    }

    @Test
    void everyFixturePasses() {
        assertThat(report.classes()).hasSize(PLANTED.length);
        assertThat(report.classes()).allSatisfy(c -> assertThat(c.outcome()).as(c.className() + ": " + c.tests())
                .isEqualTo(ClassOutcome.PASSED));
        assertThat(result(report, F + "IsolatedCounterWriterFixture").pid())
                .isNotEqualTo(result(report, F + "CounterWriterFixture").pid());
    }

    @Test
    void reportsExactlyThePlantedViolations() {
        assertThat(report.violations()).extracting(Violation::kind, Violation::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple(StateKind.STATIC_FIELD, STATE + "BackgroundJobs.lastJob"),
                org.assertj.core.groups.Tuple.tuple(StateKind.STATIC_FIELD, STATE + "Plugins.REGISTRY"),
                org.assertj.core.groups.Tuple.tuple(StateKind.STATIC_FIELD, STATE + "SharedCounter.value"),
                org.assertj.core.groups.Tuple.tuple(StateKind.SYSTEM_PROPERTY, "isolane.fixture.leak"),
                org.assertj.core.groups.Tuple.tuple(StateKind.DEFAULT_LOCALE, "default Locale"));
    }

    @Test
    void aStaticFieldWriterAndItsReader() {
        Violation counter = violation(STATE + "SharedCounter.value");
        // The isolated class wrote the same field in its own JVM: it is not a writer here.
        assertThat(counter.writers()).containsExactly(F + "CounterWriterFixture");
        assertThat(counter.readers()).containsExactly(F + "CounterReaderFixture");
        assertThat(counter.concurrent()).isTrue();
        assertThat(counter.restored()).isFalse();
        assertThat(counter.hint()).isEqualTo("annotate CounterWriterFixture with @IsolatedProcess, or restore"
                + " SharedCounter.value in @AfterEach/@AfterAll");
    }

    @Test
    void aSystemPropertyLeftSetIsAViolationWithoutAnyReader() {
        Violation leak = violation("isolane.fixture.leak");
        assertThat(leak.writers()).containsExactly(F + "PropertyLeakFixture");
        assertThat(leak.readers()).isEmpty();
        assertThat(leak.restored()).isFalse();
        assertThat(leak.concurrent()).isFalse();
        assertThat(leak.hint()).contains("restore system property isolane.fixture.leak in @AfterEach/@AfterAll");
    }

    @Test
    void aRestoredLocaleChangeSeenByAConcurrentClass() {
        Violation locale = violation("default Locale");
        assertThat(locale.writers()).containsExactly(F + "LocaleSwitchFixture");
        assertThat(locale.readers()).containsExactly(F + "LocaleReaderFixture");
        assertThat(locale.restored()).isTrue();
        assertThat(locale.concurrent()).isTrue();
        assertThat(locale.hint()).isEqualTo("LocaleSwitchFixture restores the default Locale, but"
                + " LocaleReaderFixture was running at the same time and could see the change: annotate"
                + " LocaleSwitchFixture with @IsolatedProcess");
    }

    @Test
    void aStaticFinalMapChangedInPlaceIsAWriteOfThatField() {
        Violation registry = violation(STATE + "Plugins.REGISTRY");
        assertThat(registry.writers()).containsExactly(F + "PluginRegisterFixture");
        assertThat(registry.readers()).containsExactly(F + "PluginLookupFixture");
        assertThat(registry.restored()).isFalse();
        assertThat(registry.inPlace()).isEqualTo("contents changed in place (1 -> 2 entries)");
    }

    @Test
    void aWriteFromAThreadTheTestStartedIsTheTests() {
        Violation background = violation(STATE + "BackgroundJobs.lastJob");
        assertThat(background.writers()).containsExactly(F + "ThreadWriterFixture");
        assertThat(background.restored()).isFalse();
    }

    @Test
    void constantsLazyCachesAndStaticInitializersAreSilent() {
        assertThat(report.violations()).extracting(Violation::target).doesNotContain(
                STATE + "Rates.STANDARD", STATE + "LazyCache.countries", STATE + "StartupConfig.mode");
        assertThat(String.join("\n", report.unattributed())).doesNotContain("Rates.STANDARD");
    }

    @Test
    void aWriteFromAThreadThatOutlivedItsClassIsCountedUnattributed() {
        assertThat(report.unattributed()).anySatisfy(w -> assertThat(w).startsWith("Not attributed: ")
                .contains("static-field " + STATE + "Lingering.value (1)"));
        assertThat(report.warnings()).noneSatisfy(w -> assertThat(w).contains("Lingering.value"));
        assertThat(report.violations()).extracting(Violation::target).doesNotContain(STATE + "Lingering.value");
    }

    @Test
    void theJsonReportCarriesTheViolations() throws Exception {
        String json = java.nio.file.Files.readString(dir.resolve("reports/isolane-report.json"));
        assertThat(json).contains("\"kind\": \"default-locale\"").contains("\"target\": \"isolane.fixture.leak\"")
                .contains("\"concurrent\": true").contains("\"restored\": false")
                .contains("\"detect\": \"statics\"").contains("\"unattributed\": [\n    \"Not attributed: ");
    }

    private static Violation violation(String target) {
        List<Violation> found = report.violations().stream().filter(v -> v.target().equals(target)).toList();
        assertThat(found).as("violations on " + target + " in " + report.violations()).hasSize(1);
        return found.get(0);
    }

    static ClassResult byName(String simpleName) {
        return result(report, F + simpleName);
    }
}
