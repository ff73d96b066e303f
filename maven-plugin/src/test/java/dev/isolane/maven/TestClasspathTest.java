package dev.isolane.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.isolane.core.InvalidConfigException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class TestClasspathTest {

    private static final Artifact API = artifact("org.acme", "api", "compile");
    private static final Artifact DRIVER = artifact("org.acme", "driver", "runtime");
    private static final Artifact SERVLET = artifact("javax.servlet", "servlet-api", "provided");
    private static final Artifact JUNIT = artifact("org.junit.jupiter", "junit-jupiter-api", "test");
    private static final List<Artifact> ARTIFACTS = List.of(API, DRIVER, SERVLET, JUNIT);
    private static final List<String> PROJECT = List.of("/p/target/test-classes", "/p/target/classes",
            "/repo/api.jar", "/repo/driver.jar", "/repo/servlet-api.jar", "/repo/junit-jupiter-api.jar");

    @Test
    void withNothingSetTheProjectsClassPathStaysAsItIs() {
        assertThat(new TestClasspath(null, null, null).apply(PROJECT, "/p/target/classes",
                Path.of("/p/target/classes"), ARTIFACTS)).extracting(Path::toString).containsExactlyElementsOf(PROJECT);
    }

    @Test
    void excludedDependenciesLeaveAndAdditionalElementsComeLast() {
        TestClasspath classpath = new TestClasspath(List.of("org.acme:driver", "javax.servlet:*:jar"), null,
                List.of("/extra/a.jar, /extra/classes", " "));
        assertThat(classpath.apply(PROJECT, "/p/target/classes", Path.of("/p/target/classes"), ARTIFACTS))
                .extracting(Path::toString).containsExactly("/p/target/test-classes", "/p/target/classes",
                        "/repo/api.jar", "/repo/junit-jupiter-api.jar", "/extra/a.jar", "/extra/classes");
        assertThat(classpath.excludedOf(ARTIFACTS)).containsExactly("org.acme:driver:1.0",
                "javax.servlet:servlet-api:1.0");
    }

    @Test
    void aScopeFilterLeavesTheScopesItNamesAsMavensFilterDoes() {
        assertThat(new TestClasspath(null, "compile", null).excludedOf(ARTIFACTS))
                .containsExactly("org.acme:api:1.0", "javax.servlet:servlet-api:1.0");
        assertThat(new TestClasspath(null, "runtime", null).excludedOf(ARTIFACTS))
                .containsExactly("org.acme:api:1.0", "org.acme:driver:1.0");
        assertThat(new TestClasspath(null, "runtime+system", null).excludedOf(ARTIFACTS))
                .containsExactly("org.acme:api:1.0", "org.acme:driver:1.0");
        assertThat(new TestClasspath(null, "test", null).excludedOf(ARTIFACTS)).hasSize(4);
    }

    @Test
    void anUnknownScopeFilterIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> new TestClasspath(null, "provided", null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid value for parameter 'classpathDependencyScopeExclude': 'provided'."
                        + " Use one of: compile");
    }

    @Test
    void integrationTestsRunAgainstTheJarInPlaceOfTheClassesDirectory() {
        assertThat(new TestClasspath(null, null, null).apply(PROJECT, "/p/target/classes",
                Path.of("/p/target/app-1.0.jar"), ARTIFACTS)).extracting(Path::toString)
                .containsSequence("/p/target/test-classes", "/p/target/app-1.0.jar", "/repo/api.jar")
                .doesNotContain("/p/target/classes");
    }

    private static Artifact artifact(String group, String id, String scope) {
        DefaultArtifact artifact = new DefaultArtifact(group, id, "1.0", scope, "jar", null,
                new DefaultArtifactHandler("jar"));
        artifact.setFile(new File("/repo/" + id + ".jar"));
        return artifact;
    }
}
