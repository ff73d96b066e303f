package dev.isolane.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private static final String HOSTILE_OUTPUT = "</script><script>alert(2)</script><!-- \u2028\u2029 & &amp;";

    @TempDir
    Path dir;

    private final Instant started = Instant.parse("2026-12-01T10:00:00Z");

    private RunReport hostile() {
        String name = "com.acme.HostileTest";
        TestResult test = new TestResult("[engine:junit-jupiter]/[class:" + name + "]/[method:x()]", HOSTILE_NAME,
                "x", name, dev.isolane.core.model.TestStatus.FAILED, 3, "</script>" + HOSTILE_NAME,
                "java.lang.AssertionError", "trace </script>", HOSTILE_OUTPUT, "");
        ClassResult result = SampleReports.shared(started, name, 1, 10, 50, List.of(test));
        Violation violation = new Violation(StateKind.SYSTEM_PROPERTY, "</script>" + HOSTILE_NAME, List.of(name),
                List.of(), false, false, HOSTILE_NAME).withConfirmation(dev.isolane.core.model.Confirmation.confirmed(
                name, name, "[engine:x]/[method:" + HOSTILE_NAME + "]", "</script>" + HOSTILE_NAME));
        return new RunReport(started, 100, 1, SampleReports.config(dir), List.of(result), List.of(violation),
                List.of(), List.of(HOSTILE_OUTPUT));
    }

    @Test
    void nothingATestWroteCanEndTheDataOrBecomeMarkup() {
        String html = HtmlReport.render(JsonReport.document(hostile(), "mvn verify -Dx=</script>"), List.of());

        // The page's own two script elements end where they should, and nothing a test wrote is markup.
        assertThat(Pattern.compile("</script", Pattern.CASE_INSENSITIVE).matcher(html).results().count())
                .isEqualTo(2);
        assertThat(html).doesNotContain("<img", "<!--", "\u2028", "\u2029", "alert(2)</");
        assertThat(html).doesNotContain("&amp;"); // & inside the data is escaped as \\u0026, not as an entity

        // ... while the data, read as JSON, holds exactly what the test wrote.
        JsonObject data = JsonParser.parseString(data(html)).getAsJsonObject();
        JsonObject failure = data.getAsJsonArray("failures").get(0).getAsJsonObject();
        assertThat(failure.get("n").getAsString()).isEqualTo(HOSTILE_NAME);
        assertThat(failure.get("out").getAsString()).isEqualTo(HOSTILE_OUTPUT);
        assertThat(data.get("commandLine").getAsString()).isEqualTo("mvn verify -Dx=</script>");
        assertThat(data.getAsJsonArray("violations").get(0).getAsJsonObject().get("hint").getAsString())
                .isEqualTo(HOSTILE_NAME);
        JsonObject confirmation = data.getAsJsonArray("violations").get(0).getAsJsonObject()
                .getAsJsonObject("confirmation");
        assertThat(confirmation.get("status").getAsString()).isEqualTo("confirmed");
        assertThat(confirmation.get("message").getAsString()).isEqualTo("</script>" + HOSTILE_NAME);
    }

    @Test
    void scriptSafeEscapesEveryCharacterThatMattersInsideAScriptElement() {
        assertThat(HtmlReport.scriptSafe("{\"a\":\"</script><!--&\u2028\u2029\"}"))
                .isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029\"}");
    }

    @Test
    void thePageNeverUsesMarkupFromData() {
        String html = HtmlReport.render(JsonReport.document(hostile(), null), List.of());
        String script = script(html);
        // Text goes in through textContent and attribute values only.
        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    }

    @Test
    void thePolicyAllowsOnlyThePagesOwnScript() throws Exception {
        String html = HtmlReport.render(JsonReport.document(hostile(), null), List.of());
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(script(html).getBytes(StandardCharsets.UTF_8));
        assertThat(html).contains("script-src 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'")
                .contains("default-src 'none'").doesNotContain("script-src 'unsafe-inline'")
                .doesNotContainPattern("(src|href)=\"?(https?:)?//");
    }

    @Test
    void aLongCrashDetailIsCutWithANote() {
        String name = "com.acme.CrashTest";
        ClassResult crashed = new ClassResult(name, dev.isolane.core.model.Lane.SHARED, 1, "t",
                started.toEpochMilli(), started.toEpochMilli() + 5, dev.isolane.core.model.ClassOutcome.CRASHED,
                List.of(), "", "", "y".repeat(HtmlReport.DETAIL_LIMIT * 2));
        RunReport report = new RunReport(started, 10, 1, SampleReports.config(dir), List.of(crashed), List.of(),
                List.of(), List.of());

        HtmlReport.Page page = HtmlReport.page(JsonReport.document(report, null), List.of());
        assertThat(page.classes().get(0).d()).hasSizeLessThan(HtmlReport.DETAIL_LIMIT + 200)
                .endsWith("more characters cut; the whole text is in isolane-report.json and the class's"
                        + " TEST-*.xml]");
    }

    @Test
    void theTrendComesAlong() {
        HtmlReport.Page page = HtmlReport.page(JsonReport.document(SampleReports.small(started, dir, "A"), null),
                List.of(new HtmlReport.TrendPoint("2026-11-30T10:00:00Z", 1500, 4, 1)));
        assertThat(page.trend()).hasSize(1);
        assertThat(page.failures()).hasSize(1);
        assertThat(page.classes()).extracting(HtmlReport.PageClass::j).containsExactly(null, null, 50L);
        assertThat(page.classes()).extracting(HtmlReport.PageClass::q).containsExactly(null, null, 300L);
    }

    /**
     * The page of a run of 5,000 classes and 50,000 tests, for a person to open and time in a browser (the
     * browser integration test does); here only its size is held to: a few megabytes, not tens.
     */
    @Test
    void aLargeRunMakesAPageOfAFewMegabytes() throws Exception {
        RunReport large = SampleReports.large(started, dir, 5_000, 10);
        long begin = System.nanoTime();
        Path file = HtmlReport.write(dir, JsonReport.document(large, "mvn verify"), List.of());
        long millis = (System.nanoTime() - begin) / 1_000_000;
        long size = Files.size(file);
        Path kept = Path.of("target", "large-report", HtmlReport.FILE_NAME);
        Files.createDirectories(kept.getParent());
        Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.err.printf("large report: %d classes, %d tests, %,d bytes, written in %d ms: %s%n",
                large.classes().size(), large.totals().tests(), size, millis, kept.toAbsolutePath());
        assertThat(large.totals().tests()).isEqualTo(50_000);
        assertThat(size).isLessThan(8L * 1024 * 1024);
    }

    private static String data(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"isolane-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String script(String html) {
        int open = html.indexOf("<script>") + "<script>".length();
        return html.substring(open, html.indexOf("</script>", open));
    }
}
