package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The HTML report of a real run, opened in headless Chromium from {@code file://}: what the page shows is read from
 * the DOM after its script ran. The project has passing, failing, isolated and violating classes, and a test named as
 * markup that prints a script end tag.
 */
class ReportPageIT {

    /** The property that makes the README's picture again. */
    static final String UPDATE_SCREENSHOT = "isolane.updateScreenshot";

    private static BuildResult build;
    private static Path page;
    private static Document dom;
    private static JsonObject json;

    @BeforeAll
    static void runBuildAndOpenThePage() {
        build = MavenBuild.project("report").args("verify", "-Dmaven.test.failure.ignore=true").run();
        assertThat(build.exitCode()).as(build.log()).isZero();
        page = build.reports().resolve("isolane-report.html");
        json = build.jsonReport();
        if (Chromium.find().isPresent()) {
            dom = Jsoup.parse(Chromium.require().dumpDom(page));
        }
    }

    private static Document dom() {
        Chromium.require();
        return dom;
    }

    @Test
    void everyRunWritesOneSelfContainedPage() throws Exception {
        assertThat(page).exists();
        String html = Files.readString(page);
        assertThat(html).doesNotContainPattern("(src|href)=\"?(https?:)?//");
        assertThat(html).contains("<script type=\"application/json\" id=\"isolane-data\">");
    }

    @Test
    void thePageRendersWithoutAnError() {
        Document dom = dom();
        assertThat(dom.body().attr("data-rendered")).isEqualTo("yes");
        assertThat(dom.getElementById("page-errors").text()).isEmpty();
        System.err.println("ReportPageIT: the page was drawn " + dom.body().attr("data-render-ms")
                + " ms after navigation began");
    }

    @Test
    void theSummaryShowsTheTotalsOfTheRun() {
        Document dom = dom();
        JsonObject totals = json.getAsJsonObject("totals");
        assertThat(totals.get("tests").getAsInt()).isEqualTo(8);
        for (String name : List.of("classes", "tests", "passed", "failed", "errors", "skipped")) {
            assertThat(dom.select(".card[data-total=" + name + "] .v").text()).as(name)
                    .isEqualTo(totals.get(name).getAsString());
        }
        assertThat(dom.getElementById("verdict").text()).isEqualTo("FAILED");
        assertThat(dom.getElementById("command").text()).contains("mvn").contains("maven.test.failure.ignore");
    }

    @Test
    void eachClassIsOneBarInTheRowOfItsThreadOrJvm() {
        Document dom = dom();
        int classes = 0;
        for (JsonElement element : json.getAsJsonArray("classes")) {
            JsonObject entry = element.getAsJsonObject();
            String name = entry.get("className").getAsString();
            Elements bars = dom.select("#timeline .bar[data-class='" + name + "']");
            assertThat(bars).as(name).hasSize(1);
            Element bar = bars.first();
            assertThat(bar.classNames()).as(name).contains(entry.get("result").getAsString());
            Element row = bar.closest(".row");
            assertThat(row.attr("data-lane")).as(name).isEqualTo(entry.get("lane").getAsString());
            assertThat(row.attr("data-pid")).as(name).isEqualTo(entry.get("pid").getAsString());
            if (entry.get("lane").getAsString().equals("shared")) {
                assertThat(row.attr("data-thread")).as(name).isEqualTo(entry.get("thread").getAsString());
            }
            classes++;
        }
        assertThat(classes).isEqualTo(5);
        assertThat(dom.select("#timeline .bar")).hasSize(5);
        // The isolated class's JVM start-up is drawn apart from its test time.
        Element isolatedRow = dom.select("#timeline .bar[data-class='com.acme.IsolatedTaxTest']").first().closest(".row");
        assertThat(isolatedRow.select(".startup")).hasSize(1);
    }

    @Test
    void theFailingClassShowsItsMessageStackAndOutputCollapsed() {
        Document dom = dom();
        Elements failures = dom.select("#failures .failure[data-class='com.acme.InvoiceTotalTest']");
        assertThat(failures).hasSize(2);
        Element plain = failures.stream().filter(f -> f.text().contains("sumsTheLines")).findFirst().orElseThrow();
        assertThat(plain.select(".full-message").text())
                .isEqualTo("org.opentest4j.AssertionFailedError: the invoice total ==> expected: <42> but was: <41>");
        assertThat(plain.hasAttr("open")).isFalse();
        assertThat(plain.select("details summary").eachText()).contains("Stack trace");
    }

    @Test
    void eachViolationShowsItsWritersAndReaders() {
        Document dom = dom();
        List<JsonElement> violations = json.getAsJsonArray("violations").asList();
        assertThat(violations).isNotEmpty();
        Elements shown = dom.select("#violations .violation");
        assertThat(shown).hasSize(violations.size());
        for (int i = 0; i < violations.size(); i++) {
            JsonObject violation = violations.get(i).getAsJsonObject();
            Element item = shown.get(i);
            assertThat(item.select("code").text()).isEqualTo(violation.get("target").getAsString());
            for (JsonElement writer : violation.getAsJsonArray("writers")) {
                assertThat(item.select(".writers [data-class='" + writer.getAsString() + "']")).hasSize(1);
            }
            for (JsonElement reader : violation.getAsJsonArray("readers")) {
                assertThat(item.select(".readers [data-class='" + reader.getAsString() + "']")).hasSize(1);
            }
        }
        Element mode = shown.stream().filter(v -> v.select("code").text().equals("com.acme.Registry.mode"))
                .findFirst().orElseThrow();
        assertThat(mode.select(".writers .chip").eachAttr("data-class")).containsExactly("com.acme.ModeSwitchTest");
        assertThat(mode.select(".readers .chip").eachAttr("data-class")).containsExactly("com.acme.ModeReaderTest");
    }

    @Test
    void aTestNamedAsMarkupAndPrintingAScriptEndTagRunsNothing() {
        Document dom = dom();
        // Had the name or the output become markup, there would be an image (its onerror calls the page's alert,
        // which writes into page-errors) or a second script.
        assertThat(dom.select("img")).isEmpty();
        assertThat(dom.select("script")).hasSize(2);
        assertThat(dom.getElementById("page-errors").text()).doesNotContain("alert");
        Element hostile = dom.select("#failures .failure").stream()
                .filter(f -> f.select("summary b").text().contains("<img src=x onerror=alert(1)>"))
                .findFirst().orElseThrow();
        assertThat(hostile.select("pre").eachText()).anyMatch(text -> text.contains("</script><script>alert(2)"));
        assertThat(dom.body().attr("data-rendered")).isEqualTo("yes");
    }

    @Test
    void aScreenshotIsSavedBesideTheReport() throws Exception {
        Chromium chromium = Chromium.require();
        Path png = chromium.screenshot(page, build.reports().resolve("isolane-report.png"), 1400, 1600);
        byte[] head = Files.readAllBytes(png);
        assertThat(head.length).isGreaterThan(10_000);
        assertThat(head[1]).isEqualTo((byte) 'P');
        assertThat(head[2]).isEqualTo((byte) 'N');
        assertThat(head[3]).isEqualTo((byte) 'G');
    }

    /**
     * With {@code -Disolane.updateScreenshot=true}, the README's picture, {@code docs/images/report.png}, taken again
     * from the page of the sample project: its sources built by {@code sample-page}, a copy of its pom without the
     * reactor (which the harness cannot copy).
     */
    @Test
    @EnabledIfSystemProperty(named = UPDATE_SCREENSHOT, matches = "true",
            disabledReason = "-D" + UPDATE_SCREENSHOT + "=true takes the README's picture again")
    void theReadmePictureIsTheSampleProjectsPage() throws Exception {
        Chromium chromium = Chromium.require();
        Path root = Path.of(MavenBuild.property("it.projects")).resolve("../../../..").normalize();
        MavenBuild maven = MavenBuild.project("sample-page").optionsInProject(); // the page shows "mvn verify"
        Path directory = maven.copyProject();
        copyTree(root.resolve("sample-project/src"), directory.resolve("src"));
        BuildResult sample = maven.runIn(directory);
        assertThat(sample.exitCode()).as(sample.log()).isZero();
        Path samplePage = sample.reports().resolve("isolane-report.html");
        Document sampleDom = Jsoup.parse(chromium.dumpDom(samplePage));
        assertThat(sampleDom.body().attr("data-rendered")).isEqualTo("yes");
        assertThat(sampleDom.getElementById("page-errors").text()).isEmpty();
        assertThat(sampleDom.select("#timeline .bar")).hasSize(sample.jsonReport().getAsJsonArray("classes").size());
        assertThat(sampleDom.getElementById("command").text()).endsWith(": mvn verify");

        Path picture = root.resolve("docs/images/report.png");
        Path fresh = chromium.screenshot(samplePage, sample.reports().resolve("isolane-report.png"), 1200, 1400);
        assertThat(Files.size(fresh)).isGreaterThan(10_000);
        Files.copy(fresh, picture, StandardCopyOption.REPLACE_EXISTING);
        System.err.println("ReportPageIT: wrote " + picture + " from " + samplePage);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
