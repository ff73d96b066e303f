package dev.isolane.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunHarness;
import dev.isolane.core.RunLog;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.report.JsonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Finding the reports to merge (files, directories, globs), the errors, and what a merge writes. */
class ReportsTest {

    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();
    private final RunLog log = RunHarness.recording(logged);

    private Path report(String directory, String className, TestStatus status) throws Exception {
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        TestResult test = new TestResult("[engine:junit-jupiter]/[class:" + className + "]/[method:t()]", "t()", "t",
                className, status, 4, status == TestStatus.PASSED ? null : "boom", null, null, "", "");
        ClassResult result = new ClassResult(className, Lane.SHARED, 7, "isolane-shared-1",
                started.toEpochMilli() + 10, started.toEpochMilli() + 30, ClassResult.outcomeOf(List.of(test)),
                List.of(test), "", "", null);
        RunReport run = new RunReport(started, 100, 1, RunConfig.builder().workingDirectory(dir).build(),
                List.of(result), List.of(), List.of(), List.of());
        return JsonReport.write(Files.createDirectories(dir.resolve(directory)), run);
    }

    @Test
    void filesDirectoriesAndGlobsFindReports() throws Exception {
        Path one = report("shard-1/target/isolane-reports", "a.OneTest", TestStatus.PASSED);
        Path two = report("shard-2/target/isolane-reports", "a.TwoTest", TestStatus.PASSED);
        Path three = report("other/deep/down", "a.ThreeTest", TestStatus.PASSED);

        assertThat(Reports.find(List.of("shard-1/target/isolane-reports/isolane-report.json"), dir, null))
                .containsExactly(one);
        assertThat(Reports.find(List.of("other"), dir, null)).containsExactly(three);
        assertThat(Reports.find(List.of("shard-*/target/isolane-reports"), dir, null)).containsExactly(one, two);
        assertThat(Reports.find(List.of("**/isolane-report.json"), dir, null)).containsExactlyInAnyOrder(one, two,
                three);
        assertThat(Reports.find(List.of(" shard-2 ", "", "shard-2/target"), dir, null)).containsExactly(two);
        assertThat(Reports.find(List.of(dir.resolve("shard-1").toString()), Path.of("/"), null)).containsExactly(one);
    }

    @Test
    void anEarlierMergeInTheOutputDirectoryIsNotFoundAgain() throws Exception {
        Path one = report("runs/a", "a.OneTest", TestStatus.PASSED);
        report("runs/merged", "a.OneTest", TestStatus.PASSED);

        assertThat(Reports.find(List.of("runs"), dir, dir.resolve("runs/merged"))).containsExactly(one);
        // Named itself, the output directory's report is kept: the page of one run made again.
        assertThat(Reports.find(List.of("runs/merged"), dir, dir.resolve("runs/merged"))).hasSize(1);
    }

    @Test
    void anEntryThatFindsNothingSaysSoBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> Reports.find(List.of("nowhere/*.json"), dir, null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid value for parameter 'reports': 'nowhere/*.json'. It matches no"
                        + " isolane-report.json (looked for from " + dir);
        assertThatThrownBy(() -> Reports.find(List.of(" ", ""), dir, null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("Name the isolane-report.json files to merge");
    }

    @Test
    void aFileThatIsNotAReportIsNamedAndNothingIsWritten() throws Exception {
        Path good = report("a", "a.OneTest", TestStatus.PASSED);
        Path bad = Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\"}");
        Path out = dir.resolve("merged");

        assertThatThrownBy(() -> Reports.merge(List.of(good, bad), out, log))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(bad + " is not an Isolane report");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMergeWritesTheJsonTheXmlOfEveryClassAndThePage() throws Exception {
        Path one = report("one", "a.OneTest", TestStatus.PASSED);
        Path two = report("two", "a.TwoTest", TestStatus.FAILED);
        Path three = report("three", "a.OneTest", TestStatus.PASSED);
        Path out = dir.resolve("merged");

        Reports.Merged merged = Reports.merge(List.of(one, two, three), out, log);

        assertThat(merged.totals().tests()).isEqualTo(3);
        assertThat(merged.totals().failed()).isEqualTo(1);
        assertThat(merged.repeated()).containsExactly("a.OneTest");
        JsonReport.Document document = JsonReport.read(out.resolve(JsonReport.FILE_NAME));
        assertThat(document.runs()).hasSize(3);
        assertThat(out.resolve("TEST-a.TwoTest.xml")).exists();
        // A class two runs ran gets a file per run, so neither hides the other.
        assertThat(out.resolve("TEST-a.OneTest-run1.xml")).exists();
        assertThat(out.resolve("TEST-a.OneTest-run3.xml")).exists();
        assertThat(out.resolve("TEST-a.OneTest.xml")).doesNotExist();
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("TEST-a.TwoTest.xml").toFile()).getDocumentElement();
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message")
                .getNodeValue()).isEqualTo("boom");
        assertThat(merged.html()).exists();
        assertThat(Files.readString(merged.html())).contains("a.TwoTest");
        assertThat(logged).contains("[INFO] Merged 3 reports (3 runs, 3 classes): Tests run: 3, Failures: 1, Errors: 0,"
                + " Skipped: 0");
        assertThat(logged).contains("[WARNING] a.OneTest ran in more than one run; each run's results are kept");
    }

    @Test
    void theHtmlOfOneRunIsMadeAgainInItsOwnDirectoryLeavingItsXml() throws Exception {
        Path one = report("one", "a.OneTest", TestStatus.PASSED);
        Path xml = Files.writeString(one.resolveSibling("TEST-a.OneTest.xml"), "<as the run wrote it/>");

        Reports.merge(List.of(one), one.getParent(), log);

        assertThat(Files.readString(xml)).isEqualTo("<as the run wrote it/>");
        assertThat(one.resolveSibling("isolane-report.html")).exists();
        assertThat(JsonReport.read(one).isMerged()).isFalse();
    }
}
