package dev.isolane.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class WorkerClasspathTest {

    @Test
    void platformAndJupiterVersionsMapBothWays() {
        assertThat(WorkerClasspath.platformVersionOf("5.14.4")).isEqualTo("1.14.4");
        assertThat(WorkerClasspath.platformVersionOf("6.1.3")).isEqualTo("6.1.3");
        assertThat(WorkerClasspath.jupiterVersionOf("1.13.1")).isEqualTo("5.13.1");
        assertThat(WorkerClasspath.jupiterVersionOf("6.0.0")).isEqualTo("6.0.0");
    }

    @Test
    void junitOlderThan412CannotRunOnVintage() throws Exception {
        assertThatThrownBy(() -> WorkerClasspath.requireVintageCapable(junit("4.11")))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("4.12 or later");
        WorkerClasspath.requireVintageCapable(junit("4.12"));
        WorkerClasspath.requireVintageCapable(junit("4.13.2"));
    }

    private static DefaultArtifact junit(String version) {
        return new DefaultArtifact("junit", "junit", version, "test", "jar", null, new DefaultArtifactHandler("jar"));
    }
}
