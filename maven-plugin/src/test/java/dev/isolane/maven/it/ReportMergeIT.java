package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code isolane:report} over the reports of three separate runs of one project, as a CI job merges its machines'
 * reports: the totals added, each run a group of its own in the page, each class repeated named as such.
 */
class ReportMergeIT {

    private static final String PLUGIN = "dev.isolane:isolane-maven-plugin:" + MavenBuild.property("isolane.version");
    private static Path project;
    private static BuildResult merge;
    private static List<JsonObject> runs;

    @BeforeAll
    static void threeRunsThenTheMerge() throws Exception {
        MavenBuild maven = MavenBuild.project("report");
        project = maven.copyProject();
        runs = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            BuildResult run = MavenBuild.project("report").args("verify", "-Dmaven.test.failure.ignore=true",
                    "-Disolane.reportsDirectory=target/run-" + i).runIn(project);
            assertThat(run.exitCode()).as(run.log()).isZero();
            runs.add(JsonParser.parseString(Files.readString(project.resolve("target/run-" + i
                    + "/isolane-report.json"))).getAsJsonObject());
        }
        merge = MavenBuild.project("report").args(PLUGIN + ":report", "-Disolane.reports=target/run-*",
                "-Disolane.reportsDirectory=target/merged").runIn(project);
    }

    @Test
    void theMergedTotalsAreTheThreeRunsAdded() throws Exception {
        assertThat(merge.exitCode()).as(merge.log()).isZero();
        JsonObject merged = JsonParser.parseString(Files.readString(project.resolve(
                "target/merged/isolane-report.json"))).getAsJsonObject();
        JsonObject totals = merged.getAsJsonObject("totals");
        for (String name : List.of("classes", "tests", "passed", "failed", "errors", "skipped")) {
            int sum = runs.stream().mapToInt(run -> run.getAsJsonObject("totals").get(name).getAsInt()).sum();
            assertThat(totals.get(name).getAsInt()).as(name).isEqualTo(sum);
        }
        assertThat(totals.get("tests").getAsInt()).isEqualTo(24);
        assertThat(merged.getAsJsonArray("runs")).hasSize(3);
        assertThat(merged.getAsJsonArray("repeatedClasses")).hasSize(5);
        assertThat(merge.log()).contains("[INFO] Merged 3 reports (3 runs, 15 classes): Tests run: 24, Failures: 6,"
                + " Errors: 0, Skipped: 0");
        // Each class has a file per run, so that CI tools count all three.
        assertThat(project.resolve("target/merged/TEST-com.acme.CalculatorTest-run1.xml")).exists();
        assertThat(project.resolve("target/merged/TEST-com.acme.CalculatorTest-run3.xml")).exists();
    }

    @Test
    void theMergedPageShowsAllThreeRuns() {
        Document dom = Jsoup.parse(Chromium.require().dumpDom(project.resolve("target/merged/isolane-report.html")));
        assertThat(dom.getElementById("page-errors").text()).isEmpty();
        assertThat(dom.select("#timeline [data-run-group]").eachAttr("data-run-group"))
                .containsExactly("run 1", "run 2", "run 3");
        assertThat(dom.select("#timeline .bar")).hasSize(15);
        for (String run : List.of("run 1", "run 2", "run 3")) {
            assertThat(dom.select("#timeline .row[data-run='" + run + "'] .bar")).as(run).hasSize(5);
        }
        assertThat(dom.select(".card[data-total=tests] .v").text()).isEqualTo("24");
        assertThat(dom.select("#runs tr[data-run]")).hasSize(3);
        assertThat(dom.select("#repeated .repeated")).hasSize(5);
    }

    @Test
    void anEntryThatFindsNoReportFailsNamingIt() {
        BuildResult none = MavenBuild.project("report").args(PLUGIN + ":report", "-Disolane.reports=target/nothing-*",
                "-Disolane.reportsDirectory=target/none").runIn(project);
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.log()).contains("Invalid value for parameter 'reports': 'target/nothing-*'. It matches no"
                + " isolane-report.json");
        assertThat(project.resolve("target/none")).doesNotExist();
    }

    @Test
    void aFileThatIsNotAReportFailsNamingIt() {
        BuildResult wrong = MavenBuild.project("report").args(PLUGIN + ":report", "-Disolane.reports=pom.xml",
                "-Disolane.reportsDirectory=target/wrong").runIn(project);
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.log()).contains("pom.xml is not an Isolane report: it is not valid JSON");
    }
}
