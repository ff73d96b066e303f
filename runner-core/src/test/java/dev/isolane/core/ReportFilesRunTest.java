package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.history.HistoryFile;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.report.HtmlReport;
import dev.isolane.core.report.JsonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run writes the HTML page beside the JSON, with the isolated JVM's start-up and the history's trend. */
class ReportFilesRunTest {

    private static final String FIXTURES = "dev.isolane.core.fixtures.";

    @TempDir
    Path dir;

    @Test
    void everyRunWritesThePageAndTheIsolatedJvmsStartUp() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.reportOptions(new ReportOptions("", true, true, true, true, true,
                "mvn verify -Dtest=X")), FIXTURES + "IsolatedFixture", FIXTURES + "SleepyOneFixture");

        ClassResult isolated = RunHarness.result(report, FIXTURES + "IsolatedFixture");
        assertThat(isolated.lane()).isEqualTo(Lane.ISOLATED);
        assertThat(isolated.jvmStartMillis()).isPositive().isLessThan(isolated.jvmReadyMillis());
        assertThat(isolated.jvmReadyMillis()).isLessThanOrEqualTo(isolated.startMillis());
        assertThat(RunHarness.result(report, FIXTURES + "SleepyOneFixture").jvmStartMillis()).isZero();

        Path reports = dir.resolve("reports");
        JsonReport.Document document = JsonReport.read(reports.resolve(JsonReport.FILE_NAME));
        assertThat(document.commandLine()).isEqualTo("mvn verify -Dtest=X");
        assertThat(document.classes()).filteredOn(c -> c.lane().equals("isolated"))
                .allSatisfy(c -> assertThat(c.jvmStartMillis()).isNotNull().isLessThan(c.jvmReadyMillis()));
        String html = Files.readString(reports.resolve(HtmlReport.FILE_NAME));
        assertThat(html).contains(FIXTURES + "IsolatedFixture").contains("mvn verify -Dtest=X");

        RunHarness.run(dir, b -> b, FIXTURES + "SleepyOneFixture");
        assertThat(HistoryFile.read(dir.resolve("history.json"), RunLog.console()).runs()).hasSize(2);
        assertThat(Files.readString(reports.resolve(HtmlReport.FILE_NAME))).contains("\"trend\":[{\"startedAt\"");
    }
}
