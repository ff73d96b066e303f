package dev.isolane.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.isolane.core.InvalidConfigException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurefireValuesTest {

    @TempDir
    Path dir;

    @Test
    void aPatternFileHasOnePatternALineWithoutBlanksAndComments() throws Exception {
        Path file = Files.writeString(dir.resolve("includes.txt"), "# the fast ones\n**/Fast*\n\n  com.acme.SlowIT#quick  \n");
        assertThat(SurefireValues.patterns("includesFile", file.toFile())).containsExactly("**/Fast*",
                "com.acme.SlowIT#quick");
        assertThat(SurefireValues.patterns("includesFile", null)).isEmpty();
    }

    @Test
    void aMissingFileNamesTheParameterAndTheFile() {
        File missing = dir.resolve("nope.txt").toFile();
        assertThatThrownBy(() -> SurefireValues.patterns("excludesFile", missing))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid value for parameter 'excludesFile': '" + missing + "'. The file cannot"
                        + " be read");
        assertThatThrownBy(() -> SurefireValues.properties("systemPropertiesFile", missing))
                .hasMessageStartingWith("Invalid value for parameter 'systemPropertiesFile'");
    }

    @Test
    void aSystemPropertiesFileIsAPropertiesFile() throws Exception {
        Path file = Files.writeString(dir.resolve("test.properties"), "b = 2\na=1\\\n  continued\n# no\n");
        assertThat(SurefireValues.properties("systemPropertiesFile", file.toFile()))
                .containsExactly(entry("a", "1continued"), entry("b", "2"));
    }

    @Test
    void configurationParametersComeFromTheirEntryAndSurefiresPassedOnKeys() {
        Properties properties = new Properties();
        properties.setProperty("configurationParameters", "junit.jupiter.execution.parallel.enabled = true\n"
                + "  junit.jupiter.execution.parallel.mode.default=concurrent\n");
        properties.setProperty("junit.vintage.execution.parallel.classes", "true");
        properties.setProperty("parallel", "methods");
        List<String> ignored = new ArrayList<>();

        assertThat(SurefireValues.configurationParameters(properties, ignored)).containsOnly(
                entry("junit.jupiter.execution.parallel.enabled", "true"),
                entry("junit.jupiter.execution.parallel.mode.default", "concurrent"),
                entry("junit.vintage.execution.parallel.classes", "true"));
        assertThat(ignored).containsExactly("parallel");
        assertThat(SurefireValues.configurationParameters(null, ignored)).isEmpty();
    }
}
