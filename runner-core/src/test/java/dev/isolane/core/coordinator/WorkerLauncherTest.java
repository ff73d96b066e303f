package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import dev.isolane.core.launch.LeanJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerLauncherTest {

    @Test
    void theArgumentFileCarriesArgLinePropertiesAndClasspath() {
        RunConfig config = RunConfig.builder()
                .testClasspath(List.of(Path.of("/p/test classes"), Path.of("/p/lib.jar")))
                .isolaneClasspath(List.of(Path.of("/i/core.jar")))
                .argLine("-Xmx512m -Dfoo=\"a b\"")
                .systemProperties(Map.of("it.records", "/tmp/r s"))
                .workingDirectory(Path.of("/p"))
                .build();
        assertThat(WorkerLauncher.argFileContent(config, 1)).isEqualTo(
                "-ea\n"
                + "-Xmx512m -Dfoo=\"a b\"\n"
                + "\"-Dit.records=/tmp/r s\"\n"
                + "\"-Dsurefire.test.class.path=/p/test classes:/p/lib.jar\"\n" // what tests see as java.class.path
                + "-cp\n"
                + "\"/i/core.jar:/p/test classes:/p/lib.jar\"\n");
    }

    @Test
    void forkNumberIsFilledInArgLineAndPropertiesAndAssertionsCanBeLeftOff() {
        RunConfig config = RunConfig.builder()
                .argLine("-Dport=80" + RunConfig.FORK_NUMBER)
                .systemProperties(Map.of("schema", "db_" + RunConfig.FORK_NUMBER))
                .enableAssertions(false)
                .workingDirectory(Path.of("/p"))
                .build();
        assertThat(WorkerLauncher.argFileContent(config, 3)).isEqualTo(
                "-Dport=803\n"
                + "\"-Dschema=db_3\"\n"
                + "\"-Dsurefire.test.class.path=\"\n"
                + "-cp\n"
                + "\"\"\n");
    }

    @Test
    void theLaunchersOptionVariablesCountAsTheUsersOptions() {
        RunConfig config = RunConfig.builder()
                .argLine("-Xmx1g")
                .environment(Map.of("JDK_JAVA_OPTIONS", "-XX:+UseParallelGC"))
                .build();
        assertThat(WorkerLauncher.userOptions(config)).startsWith("-Xmx1g").contains("-XX:+UseParallelGC");
        assertThat(LeanJvm.options(WorkerLauncher.userOptions(config))).doesNotContain(LeanJvm.SERIAL_COLLECTOR);
    }
}
