package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
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
    void leanJvmsLeaveTheCollectorToAnArgLineThatChoosesOne() {
        assertThat(WorkerLauncher.leanOptions("-Xmx1g")).contains("-XX:+UseSerialGC");
        assertThat(WorkerLauncher.leanOptions("-Xmx1g -XX:+UseG1GC")).doesNotContain("-XX:+UseSerialGC")
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(WorkerLauncher.leanOptions("-XX:+UseZGC -XX:+ZGenerational")).doesNotContain("-XX:+UseSerialGC");
        assertThat(WorkerLauncher.leanOptions("-XX:+UseStringDeduplication")).contains("-XX:+UseSerialGC");
    }
}
