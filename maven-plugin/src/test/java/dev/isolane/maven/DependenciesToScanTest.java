package dev.isolane.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class DependenciesToScanTest {

    private static final Artifact MAIN = artifact("org.acme", "core", "1.2", "jar", null);
    private static final Artifact TESTS = artifact("org.acme", "core", "1.2", "test-jar", "tests");
    private static final Artifact OTHER = artifact("org.other", "util", "3.0", "jar", null);

    @Test
    void groupAndArtifactMatchEveryTypeAndClassifier() {
        assertThat(DependenciesToScan.matches("org.acme:core", MAIN)).isTrue();
        assertThat(DependenciesToScan.matches("org.acme:core", TESTS)).isTrue();
        assertThat(DependenciesToScan.matches("org.acme", OTHER)).isFalse();
    }

    @Test
    void typeClassifierAndVersionNarrowTheMatch() {
        assertThat(DependenciesToScan.matches("org.acme:core:test-jar", TESTS)).isTrue();
        assertThat(DependenciesToScan.matches("org.acme:core:test-jar", MAIN)).isFalse();
        assertThat(DependenciesToScan.matches("org.acme:core:test-jar:tests", TESTS)).isTrue();
        assertThat(DependenciesToScan.matches("org.acme:core:test-jar:1.2", TESTS)).isTrue();
        assertThat(DependenciesToScan.matches("org.acme:core:test-jar:tests:1.2", TESTS)).isTrue();
        assertThat(DependenciesToScan.matches("org.acme:core:test-jar:tests:1.3", TESTS)).isFalse();
        assertThat(DependenciesToScan.matches("org.acme:core:jar:tests", MAIN)).isFalse();
    }

    @Test
    void wildcardsAndEmptyPartsMatchAnything() {
        assertThat(DependenciesToScan.matches("org.*:c*", MAIN)).isTrue();
        assertThat(DependenciesToScan.matches("*:util", OTHER)).isTrue();
        assertThat(DependenciesToScan.matches("org.acme::test-jar", TESTS)).isTrue();
        assertThat(DependenciesToScan.matches("org.acme:core:*:tests", TESTS)).isTrue();
    }

    @Test
    void selectsFilesOnceAndNamesPatternsThatMatchNothing() {
        DependenciesToScan.Selection selection = DependenciesToScan.select(
                List.of("org.acme:core:test-jar", "org.acme:*:test-jar:tests", "com.missing:lib"),
                List.of(MAIN, TESTS, OTHER));
        assertThat(selection.files()).containsExactly(TESTS.getFile().toPath());
        assertThat(selection.unmatched()).containsExactly("com.missing:lib");
    }

    private static Artifact artifact(String group, String id, String version, String type, String classifier) {
        DefaultArtifact artifact = new DefaultArtifact(group, id, version, "test", type, classifier,
                new DefaultArtifactHandler(type));
        artifact.setFile(new File("/repo/" + id + "-" + version + (classifier == null ? "" : "-" + classifier)
                + ".jar"));
        return artifact;
    }
}
