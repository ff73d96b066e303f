package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.RunConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerLauncherTest {

    @Test
    void quotesArgumentsForAJavaArgumentFile() {
        assertThat(WorkerLauncher.quote("plain")).isEqualTo("\"plain\"");
        assertThat(WorkerLauncher.quote("with space")).isEqualTo("\"with space\"");
        assertThat(WorkerLauncher.quote("C:\\tools\\a \"b\"")).isEqualTo("\"C:\\\\tools\\\\a \\\"b\\\"\"");
        assertThat(WorkerLauncher.quote("two\nlines")).isEqualTo("\"two\\nlines\"");
    }

    @Test
    void theArgumentFileCarriesArgLinePropertiesAndClasspath() {
        RunConfig config = RunConfig.builder()
                .testClasspath(List.of(Path.of("/p/test classes"), Path.of("/p/lib.jar")))
                .isolaneClasspath(List.of(Path.of("/i/core.jar")))
                .argLine("-Xmx512m -Dfoo=\"a b\"")
                .systemProperties(Map.of("it.records", "/tmp/r s"))
                .workingDirectory(Path.of("/p"))
                .build();
        assertThat(WorkerLauncher.argFileContent(config)).isEqualTo(
                "-Xmx512m -Dfoo=\"a b\"\n"
                + "\"-Dit.records=/tmp/r s\"\n"
                + "-cp\n"
                + "\"/p/test classes:/p/lib.jar:/i/core.jar\"\n");
    }
}
