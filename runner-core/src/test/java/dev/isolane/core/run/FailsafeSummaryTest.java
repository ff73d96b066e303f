package dev.isolane.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.isolane.core.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailsafeSummaryTest {

    @TempDir
    Path dir;

    @Test
    void writesFailsafesTemplateByteForByte() throws Exception {
        Path file = dir.resolve("reports/failsafe-summary.xml");
        FailsafeSummary.write(file, new RunSummary(7, 1, 2, 3, 1, null, false), false);

        assertThat(Files.readString(file)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<failsafe-summary xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/"
                + "failsafe-summary.xsd\" result=\"255\" timeout=\"false\">\n"
                + "    <completed>7</completed>\n"
                + "    <errors>1</errors>\n"
                + "    <failures>2</failures>\n"
                + "    <skipped>3</skipped>\n"
                + "    <flakes>1</flakes>\n"
                + "    <failureMessage xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>\n"
                + "</failsafe-summary>");
    }

    @Test
    void theResultCodeIsFailsafes() {
        assertThat(FailsafeSummary.text(new RunSummary(3, 0, 0, 1, 0, null, false))).contains(" result=\"null\" ");
        assertThat(FailsafeSummary.text(RunSummary.NONE)).contains(" result=\"254\" ");
        assertThat(FailsafeSummary.text(new RunSummary(3, 0, 0, 0, 0, "it broke", false)))
                .contains(" result=\"255\" ");
    }

    @Test
    void aFailureIsEscapedAndReadBack() throws Exception {
        Path file = dir.resolve("failsafe-summary.xml");
        RunSummary summary = new RunSummary(2, 0, 0, 0, 0, "violations <a> & \"b\"\nfix: it\u0001", false);
        FailsafeSummary.write(file, summary, false);

        assertThat(Files.readString(file)).contains("<failureMessage>violations &lt;a&gt; &amp; &quot;b&quot;\nfix: it"
                + "</failureMessage>");
        assertThat(FailsafeSummary.read(file)).isEqualTo(new RunSummary(2, 0, 0, 0, 0, "violations <a> & \"b\"\nfix: it",
                false));
    }

    @Test
    void aLaterExecutionAddsToTheSummaryTheFirstOneWrote() throws Exception {
        Path file = dir.resolve("failsafe-summary.xml");
        FailsafeSummary.write(file, new RunSummary(5, 0, 1, 0, 0, null, false), false);
        FailsafeSummary.write(file, new RunSummary(3, 1, 0, 2, 1, null, false), true);
        assertThat(FailsafeSummary.read(file)).isEqualTo(new RunSummary(8, 1, 1, 2, 1, null, false));

        FailsafeSummary.write(file, new RunSummary(1, 0, 0, 0, 0, null, false), false);
        assertThat(FailsafeSummary.read(file)).as("a new build starts over")
                .isEqualTo(new RunSummary(1, 0, 0, 0, 0, null, false));
    }

    @Test
    void readsWhatOlderFailsafesWroteWithoutFlakesAndWithATimeout() throws Exception {
        Path file = dir.resolve("old.xml");
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><failsafe-summary result=\"255\""
                + " timeout=\"true\">  <completed>7</completed>  <errors>1</errors>  <failures>2</failures>"
                + "  <skipped>3</skipped>  <failureMessage><![CDATA[fork died: <gone>]]></failureMessage>"
                + "</failsafe-summary>");
        assertThat(FailsafeSummary.read(file)).isEqualTo(new RunSummary(7, 1, 2, 3, 0, "fork died: <gone>", true));
    }

    @Test
    void aFileThatIsNoSummaryIsNamedInTheError() throws IOException {
        Path notASummary = Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path badCount = Files.writeString(dir.resolve("bad.xml"), "<failsafe-summary timeout=\"false\">"
                + "<completed>many</completed><errors>0</errors><failures>0</failures><skipped>0</skipped>"
                + "</failsafe-summary>");
        assertThatThrownBy(() -> FailsafeSummary.read(notASummary)).isInstanceOf(IOException.class)
                .hasMessage("Could not parse " + notASummary + ": its root element is <project>, not"
                        + " <failsafe-summary>");
        assertThatThrownBy(() -> FailsafeSummary.read(badCount)).isInstanceOf(IOException.class)
                .hasMessage("Could not parse " + badCount + ": <completed> is 'many', not a number");
    }
}
