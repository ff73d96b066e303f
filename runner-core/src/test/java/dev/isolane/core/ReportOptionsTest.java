package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportOptionsTest {

    @Test
    void aSuffixGoesIntoFileNamesAndInParenthesesIntoClassNames() {
        ReportOptions suffixed = new ReportOptions("jdk17", true, true, true, true);
        assertThat(suffixed.xmlFileName("a.BTest")).isEqualTo("TEST-a.BTest-jdk17.xml");
        assertThat(suffixed.outputFileName("a.BTest")).isEqualTo("a.BTest-jdk17-output.txt");
        assertThat(suffixed.reportedClassName("a.BTest")).isEqualTo("a.BTest(jdk17)");
        assertThat(ReportOptions.DEFAULTS.xmlFileName("a.BTest")).isEqualTo("TEST-a.BTest.xml");
        assertThat(ReportOptions.DEFAULTS.outputFileName("a.BTest")).isEqualTo("a.BTest-output.txt");
        assertThat(ReportOptions.DEFAULTS.reportedClassName("a.BTest")).isEqualTo("a.BTest");
        assertThat(new ReportOptions(null, true, true, true, true).nameSuffix()).isEmpty();
    }

    @Test
    void aSuffixCannotLeaveTheReportsDirectory() {
        assertThatThrownBy(() -> new ReportOptions("../x", true, true, true, true))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid value for parameter 'reportNameSuffix': '../x'.");
    }
}
