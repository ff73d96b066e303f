package dev.isolane.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.Launcher;

class ForkJvmTest {

    @Test
    void aForkKeepsTheJvmOptionsThatMakeSenseTwice() {
        List<String> options = ForkJvm.inheritedOptions(List.of("-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Duser.timezone=UTC", "-javaagent:/repo/jacocoagent.jar=destfile=/p/target/jacoco.exec",
                "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005",
                "-javaagent:/opt/idea/lib/idea_rt.jar=39435:/opt/idea/bin",
                "-Djunit.platform.reporting.open.xml.enabled=true", "-ea"));
        assertThat(options).containsExactly("-Xmx512m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Duser.timezone=UTC", "-javaagent:/repo/jacocoagent.jar=destfile=/p/target/jacoco.exec", "-ea");
    }

    @Test
    void propertiesTheJvmSetsForItselfAreNotCopied() {
        assertThat(ForkJvm.ownedByTheJvm("java.class.path")).isTrue();
        assertThat(ForkJvm.ownedByTheJvm("user.dir")).isTrue();
        assertThat(ForkJvm.ownedByTheJvm("line.separator")).isTrue();
        assertThat(ForkJvm.ownedByTheJvm("it.records")).isFalse();
        assertThat(ForkJvm.ownedByTheJvm("basedir")).isFalse();
    }

    @Test
    void runtimePropertiesAndMissingJarsReachTheFork() {
        System.setProperty("isolane.test.runtime", "set after start-up");
        try {
            ForkJvm jvm = ForkJvm.ofThisJvm(List.of("-Dextra=1"), List.of(Launcher.class));
            assertThat(jvm.options()).contains("-Disolane.test.runtime=set after start-up", "-Dextra=1");
            String launcherJar = Launcher.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            assertThat(jvm.classpath()).anySatisfy(entry -> assertThat(launcherJar).endsWith(
                    java.nio.file.Path.of(entry).getFileName().toString()));
            assertThat(jvm.argFile()).contains("\"-Disolane.test.runtime=set after start-up\"").contains("-cp\n");
        } finally {
            System.clearProperty("isolane.test.runtime");
        }
    }

    @Test
    void aForkStartsLeanWithTheCollectorLeftToOptionsThatChooseOne() {
        ForkJvm lean = ForkJvm.ofThisJvm(List.of(), List.of(Launcher.class));
        assertThat(lean.options()).startsWith("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3");
        ForkJvm parallel = ForkJvm.ofThisJvm(List.of("-XX:+UseParallelGC"), List.of(Launcher.class));
        assertThat(parallel.options()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC")
                .doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void settingsAreReadAndBadValuesNamed() {
        ForkSettings defaults = ForkSettings.from(parameters(Map.of()));
        assertThat(defaults.forks()).isTrue();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofMinutes(10));
        ForkSettings set = ForkSettings.from(parameters(Map.of(ForkSettings.TIMEOUT, "0", ForkSettings.JVM_ARGS,
                " -Xmx1g  -Dx=y ")));
        assertThat(set.timeout()).isZero();
        assertThat(set.jvmArgs()).containsExactly("-Xmx1g", "-Dx=y");
        assertThat(ForkSettings.from(parameters(Map.of(ForkSettings.WORKER_LANE, "isolated"))).forks()).isFalse();
        assertThatThrownBy(() -> ForkSettings.from(parameters(Map.of(ForkSettings.TIMEOUT, "soon"))))
                .isInstanceOf(JUnitException.class)
                .hasMessage("Invalid value for parameter 'isolane.fork.timeout': 'soon'. Use a whole number of seconds,"
                        + " at least 0 (0 means none).");
        assertThatThrownBy(() -> ForkSettings.from(parameters(Map.of(ForkSettings.ENABLED, "maybe"))))
                .hasMessageContaining("'isolane.fork.enabled': 'maybe'. Use true or false.");
    }

    static ConfigurationParameters parameters(Map<String, String> values) {
        return new ConfigurationParameters() {
            @Override
            public java.util.Optional<String> get(String key) {
                return java.util.Optional.ofNullable(values.get(key));
            }

            @Override
            public java.util.Optional<Boolean> getBoolean(String key) {
                return get(key).map(Boolean::parseBoolean);
            }

            @Override
            @SuppressWarnings("deprecation")
            public int size() {
                return values.size();
            }

            @Override
            public java.util.Set<String> keySet() {
                return values.keySet();
            }
        };
    }
}
