package dev.isolane.junit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The listener as a plain launch meets it: found by the Launcher through the service file, with nothing configured,
 * reporting on System.err at the end of the run. Each test runs fixture classes through a Launcher of its own and
 * puts back what they changed, so this class leaves nothing behind for the listener of the run it is part of.
 */
class ViolationReportingListenerTest {

    private static final List<String> PROPERTIES = List.of(PropertyLeakFixture.PROPERTY, NestedLeakFixture.PROPERTY,
            ForkedLeakFixture.PROPERTY, Together.PROPERTY);

    private TimeZone zone;
    private Locale locale;

    @BeforeEach
    void save() {
        zone = TimeZone.getDefault();
        locale = Locale.getDefault();
        PROPERTIES.forEach(property -> assertThat(System.getProperty(property)).as(property).isNull());
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(zone);
        Locale.setDefault(locale);
        PROPERTIES.forEach(System::clearProperty);
        Together.reset();
    }

    @Test
    void isRegisteredForTheLaunchersServiceLoading() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(ViolationReportingListener.class);
    }

    @Test
    void aClassThatLeavesASystemPropertySetIsNamedWithTheFix() {
        Launch launch = Launch.of(Map.of(), PropertyLeakFixture.class);
        assertThat(launch.lines()).containsExactly(
                "Isolation violations: 1 piece of JVM-wide state left changed by test classes in this JVM:",
                "  system property isolane.test.leak -- left changed",
                "    dev.isolane.junit.detect.PropertyLeakFixture",
                "    fix: annotate PropertyLeakFixture with @IsolatedProcess, or restore system property"
                        + " isolane.test.leak in @AfterEach/@AfterAll (save the old value first; clear the property if"
                        + " it had none)",
                ViolationSection.FOOTER);
    }

    @Test
    void aTimeZoneLeftChangedIsReportedAndALocaleChangedAndRestoredIsNot() {
        Launch launch = Launch.of(Map.of(), LocaleRestoringFixture.class, TimeZoneLeakFixture.class);
        assertThat(TimeZone.getDefault().getID()).isEqualTo(TimeZoneLeakFixture.ZONE);
        assertThat(launch.lines()).containsSequence(
                "Isolation violations: 1 piece of JVM-wide state left changed by test classes in this JVM:",
                "  default TimeZone -- left changed",
                "    dev.isolane.junit.detect.TimeZoneLeakFixture",
                "    fix: annotate TimeZoneLeakFixture with @IsolatedProcess, or restore the default TimeZone in"
                        + " @AfterEach/@AfterAll (save TimeZone.getDefault() first and set it back)");
        assertThat(launch.err()).doesNotContain("Locale --");
    }

    @Test
    void aLaunchThatLeavesNothingChangedPrintsNothing() {
        assertThat(Launch.of(Map.of(), LocaleRestoringFixture.class).err()).isEmpty();
    }

    @Test
    void aNestedClassIsReportedAsTheClassItIsPartOf() {
        Launch launch = Launch.of(Map.of(), NestedLeakFixture.class);
        assertThat(launch.lines()).contains("  system property isolane.test.nested -- left changed",
                "    dev.isolane.junit.detect.NestedLeakFixture");
    }

    @Test
    void theClassesASuiteRunsAreWatchedOneByOne() {
        Launch launch = Launch.of(Map.of(), LeakySuiteFixture.class);
        assertThat(launch.summary().getTestsSucceededCount()).as(launch.failures()).isEqualTo(2);
        assertThat(launch.lines()).containsSequence("  system property isolane.test.leak -- left changed",
                "    dev.isolane.junit.detect.PropertyLeakFixture");
        assertThat(launch.err()).doesNotContain("LeakySuiteFixture");
    }

    @Test
    void switchedOffByAConfigurationParameterNothingIsPrinted() {
        Launch launch = Launch.of(Map.of("isolane.detect", "off"), PropertyLeakFixture.class);
        assertThat(System.getProperty(PropertyLeakFixture.PROPERTY)).isEqualTo("left");
        assertThat(launch.err()).isEmpty();
    }

    @Test
    void switchedOffInJunitPlatformPropertiesNothingIsPrinted(@TempDir Path resources) throws IOException {
        Files.writeString(resources.resolve("junit-platform.properties"), "isolane.detect=off\n");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        // The Launcher reads junit-platform.properties through the context class loader, as in an IDE's run.
        try (URLClassLoader withProperties = new URLClassLoader(new URL[] {resources.toUri().toURL()}, original)) {
            thread.setContextClassLoader(withProperties);
            Launch launch = Launch.of(Map.of(), PropertyLeakFixture.class);
            assertThat(System.getProperty(PropertyLeakFixture.PROPERTY)).isEqualTo("left");
            assertThat(launch.err()).isEmpty();
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void insideAnIsolaneWorkerNothingIsPrinted() {
        Launch launch = Launch.of(Map.of("isolane.worker.lane", "shared"), PropertyLeakFixture.class);
        assertThat(System.getProperty(PropertyLeakFixture.PROPERTY)).isEqualTo("left");
        assertThat(launch.err()).isEmpty();
    }

    @Test
    void anUnreadableSwitchIsSaidAndDetectionStaysOn() {
        Launch launch = Launch.of(Map.of("isolane.detect", "of"), PropertyLeakFixture.class);
        assertThat(launch.lines()).startsWith("Isolane: Invalid value for parameter 'isolane.detect': 'of'. Use one of:"
                        + " off, globals, statics (on = statics). Isolation-violation detection stays on until it is"
                        + " fixed.")
                .contains("  system property isolane.test.leak -- left changed");
    }

    @Test
    void aForkedClassIsNotWatchedHereNorInItsFork() {
        Launch launch = Launch.of(Map.of(), ForkedLeakFixture.class, PropertyLeakFixture.class);
        assertThat(launch.summary().getTestsSucceededCount()).as(launch.failures()).isEqualTo(2);
        assertThat(System.getProperty(ForkedLeakFixture.PROPERTY)).as("set in the fork only").isNull();
        assertThat(launch.lines()).contains("  system property isolane.test.leak -- left changed");
        // The fork's own System.err reaches this one: its listener must have stayed silent too.
        assertThat(launch.err()).doesNotContain("ForkedLeakFixture").doesNotContain(ForkedLeakFixture.PROPERTY)
                .containsOnlyOnce("Isolation violations");
    }

    @Test
    void aChangeWhileTwoClassesRanAtOnceNamesBothAndBlamesNeither() {
        Launch launch = Launch.of(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"),
                ConcurrentWriterFixture.class, ConcurrentBystanderFixture.class);
        assertThat(launch.summary().getTestsSucceededCount()).as(launch.failures()).isEqualTo(2);
        assertThat(System.getProperty(Together.PROPERTY)).isEqualTo("left");
        assertThat(launch.lines()).first().isEqualTo("Isolation violations: JVM-wide state changed in this JVM that"
                + " Isolane cannot blame on one test class:");
        assertThat(launch.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("  Not attributed: system-property isolane.test.concurrent changed while ")
                .contains("dev.isolane.junit.detect.ConcurrentWriterFixture")
                .contains("dev.isolane.junit.detect.ConcurrentBystanderFixture")
                .endsWith("ran, and none of them was seen changing it; Isolane cannot tell which class did it."));
        assertThat(launch.err()).doesNotContain("left changed");
    }

    /** One run of fixture classes through a Launcher as an IDE creates it, with System.err caught. */
    private record Launch(TestExecutionSummary summary, String err) {

        static Launch of(Map<String, String> parameters, Class<?>... classes) {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream original = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toList())
                        .configurationParameters(parameters)
                        .build(), summary);
            } finally {
                System.setErr(original);
            }
            return new Launch(summary.getSummary(), err.toString(StandardCharsets.UTF_8));
        }

        String failures() {
            StringBuilder text = new StringBuilder(err);
            summary.getFailures().forEach(failure -> text.append('\n').append(failure.getTestIdentifier()
                    .getDisplayName()).append(": ").append(failure.getException()));
            return text.toString();
        }

        List<String> lines() {
            return err.lines().toList();
        }
    }
}
