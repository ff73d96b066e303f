package dev.isolane.core.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoriesTest {

    @TempDir
    Path work;

    @Test
    void aNewRunRemovesTheDirectoriesOfCoordinatorsThatAreGoneAndKeepsLiveOnes() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process gone = new ProcessBuilder(java, "-version").start();
        gone.waitFor();
        Path stale = Files.createDirectories(work.resolve("run-" + gone.pid() + "-123/w-1"));
        Files.writeString(stale.resolve("log"), "old");
        Path live = Files.createDirectories(work.resolve("run-" + ProcessHandle.current().pid() + "-456"));
        Path archive = Files.createDirectories(work.resolve("cds"));

        Path created = RunDirectories.create(work);

        assertThat(work.resolve("run-" + gone.pid() + "-123")).doesNotExist();
        assertThat(live).exists();
        assertThat(archive).exists();
        assertThat(created).exists().isNotEqualTo(live);
        assertThat(created.getFileName().toString()).startsWith("run-" + ProcessHandle.current().pid() + "-");
    }
}
