package dev.isolane.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaReleaseTest {

    @TempDir
    Path dir;

    @Test
    void theFeatureVersionComesFromTheReleaseFile() {
        assertThat(JavaRelease.parseRelease("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n"))
                .isEqualTo(25);
        assertThat(JavaRelease.parseRelease("JAVA_VERSION=\"17.0.15\"")).isEqualTo(17);
        assertThat(JavaRelease.parseRelease("JAVA_VERSION=\"1.8.0_452\"")).isEqualTo(8);
        assertThat(JavaRelease.parseRelease("JAVA_RUNTIME_VERSION=\"21+35\"")).isNull();
    }

    @Test
    void thisJvmsLauncherIsItsOwnFeatureVersion() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(JavaRelease.feature(java)).isEqualTo(Runtime.version().feature());
    }

    @Test
    void aJdkWithoutAReleaseFileIsAskedAndOneThatCannotRunIsUnknown() throws Exception {
        // A "JDK" whose java is a link to this JVM's, with no release file beside it: the JVM itself is asked.
        Path bin = Files.createDirectories(dir.resolve("linked/bin"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path copy = Files.copy(java, bin.resolve("java"));
        Path lib = dir.resolve("linked/lib");
        Files.createSymbolicLink(lib, Path.of(System.getProperty("java.home"), "lib"));
        assertThat(JavaRelease.feature(copy)).isEqualTo(Runtime.version().feature());

        Path broken = Files.createDirectories(dir.resolve("broken/bin")).resolve("java");
        Files.writeString(broken, "not a program");
        assertThat(JavaRelease.feature(broken)).isEqualTo(JavaRelease.UNKNOWN);
    }
}
