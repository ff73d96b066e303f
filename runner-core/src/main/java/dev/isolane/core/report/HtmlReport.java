package dev.isolane.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.isolane.core.model.SharedLaneSizing;
import dev.isolane.core.model.Violation;
import dev.isolane.core.report.JsonReport.ClassEntry;
import dev.isolane.core.report.JsonReport.Document;
import dev.isolane.core.report.JsonReport.RepeatedClass;
import dev.isolane.core.report.JsonReport.RerunEntry;
import dev.isolane.core.report.JsonReport.RunEntry;
import dev.isolane.core.report.JsonReport.TestEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes {@code isolane-report.html}: one self-contained page (inline CSS and script, no network) with the summary,
 * the lanes on a timeline, the slowest classes and tests, failures, flakes, crashes, violations and the trend of the
 * last runs. The report's data goes into the page as JSON inside a {@code <script type="application/json">} element,
 * with every character that could end that element or be read as markup escaped; the page's script shows it as text
 * only, so nothing a test names or prints can run in the browser.
 */
@API(status = INTERNAL, since = "0.1")
public final class HtmlReport {

    public static final String FILE_NAME = "isolane-report.html";
    private static final String TEMPLATE = "isolane-report-template.html";
    private static final String DATA_TOKEN = "@ISOLANE_DATA@";
    private static final String HASH_TOKEN = "@SCRIPT_HASH@";
    private static final String TEMPLATE_TEXT = template();
    /** A crash or timeout's detail kept in the page; a thread dump of thousands of threads is cut with a note. */
    static final int DETAIL_LIMIT = 64 * 1024;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private HtmlReport() {}

    /**
     * An earlier run, from the history file, for the trend.
     *
     * @param failed tests that failed or errored
     */
    public record TrendPoint(String startedAt, long durationMillis, int tests, int failed) {}

    public static Path write(Path reportsDirectory, Document document, List<TrendPoint> trend) throws IOException {
        Path file = reportsDirectory.resolve(FILE_NAME);
        Files.writeString(file, render(document, trend), StandardCharsets.UTF_8);
        return file;
    }

    static String render(Document document, List<TrendPoint> trend) {
        String template = TEMPLATE_TEXT;
        int at = template.indexOf(DATA_TOKEN);
        String data = scriptSafe(GSON.toJson(page(document, trend)));
        return template.substring(0, at) + data + template.substring(at + DATA_TOKEN.length());
    }

    /**
     * JSON that can sit inside a script element: {@code <}, {@code >} and {@code &} (so {@code </script>} and
     * {@code <!--} cannot end or change it), and U+2028/U+2029 (line ends to older script parsers) as escapes. They
     * only occur inside JSON strings, where the escape means the same character.
     */
    static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The page, its content security policy naming the hash of its one script: the browser runs that script and
     * nothing else, not even an inline event handler, should a test's name ever reach the markup.
     */
    private static String template() {
        String text;
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("runner-core's jar lacks " + TEMPLATE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int open = text.indexOf("<script>") + "<script>".length();
        String script = text.substring(open, text.indexOf("</script>", open));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return text.replace(HASH_TOKEN, "sha256-" + Base64.getEncoder().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What the page's script reads: the report, compacted (a test is a triple), with the details it shows. */
    record Page(String generatedAt, String startedAt, long durationMillis, long coordinatorCpuMillis,
            JsonReport.Config config, SharedLaneSizing sharedLanes, JsonReport.Counts totals,
            String commandLine, boolean merged, List<RunEntry> runs, List<PageClass> classes,
            List<Failure> failures, List<Flake> flakes, List<Violation> violations, List<RepeatedClass> repeated,
            List<String> warnings, List<String> unattributed, List<TrendPoint> trend) {}

    /**
     * A class: {@code r} its run (0-based), {@code n} name, {@code l} lane, {@code p} pid, {@code t} thread,
     * {@code s}/{@code e} start and end, {@code j}/{@code q} its JVM's launch and readiness (isolated), {@code o}
     * outcome, {@code d} detail, {@code k} its tests as [name, status, milliseconds].
     */
    record PageClass(int r, String n, String l, long p, String t, long s, long e, Long j, Long q, String o, String d,
            List<Object[]> k) {}

    /** A test that failed or errored: {@code c} is its class's index. */
    record Failure(int c, String n, String s, String m, String y, String tr, String out, String err, int runs) {}

    /** A test that passed on a rerun, with the runs that failed before. */
    record Flake(int c, String n, List<RerunEntry> runs) {}

    static Page page(Document document, List<TrendPoint> trend) {
        List<RunEntry> runs = document.isMerged() ? document.runs() : List.of(new RunEntry(null, null,
                document.startedAt(), document.durationMillis(), document.config(), document.sharedLanes(),
                document.totals(), document.commandLine(), document.shard()));
        List<PageClass> classes = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<Flake> flakes = new ArrayList<>();
        for (ClassEntry entry : document.classes()) {
            int index = classes.size();
            List<Object[]> tests = new ArrayList<>(entry.tests().size());
            for (TestEntry test : entry.tests()) {
                String name = test.displayName() != null ? test.displayName() : String.valueOf(test.reportName());
                tests.add(new Object[] {name, test.status(), test.durationMillis()});
                if ("failed".equals(test.status()) || "error".equals(test.status())) {
                    failures.add(new Failure(index, name, test.status(), test.message(), test.failureType(),
                            test.stackTrace(), test.stdout(), test.stderr(), Math.max(1, test.runs())));
                } else if (test.flaky()) {
                    flakes.add(new Flake(index, name, test.reruns() == null ? List.of() : test.reruns()));
                }
            }
            int run = document.isMerged() && entry.run() != null ? entry.run() - 1 : 0;
            classes.add(new PageClass(run, entry.className(), entry.lane(), entry.pid(), entry.thread(),
                    entry.startMillis(), entry.endMillis(), entry.jvmStartMillis(), entry.jvmReadyMillis(),
                    entry.result(),
                    cut(entry.detail()), tests));
        }
        return new Page(Instant.now().toString(), document.startedAt(), document.durationMillis(),
                document.coordinatorCpuMillis(), document.config(), document.sharedLanes(), document.totals(),
                document.commandLine(), document.isMerged(), runs, classes, failures, flakes, document.violations(),
                document.repeatedClasses() == null ? List.of() : document.repeatedClasses(), document.warnings(),
                document.unattributed(), trend == null ? List.of() : trend);
    }

    private static String cut(String text) {
        if (text == null || text.length() <= DETAIL_LIMIT) {
            return text;
        }
        return text.substring(0, DETAIL_LIMIT) + "\n[... " + (text.length() - DETAIL_LIMIT) + " more characters cut;"
                + " the whole text is in isolane-report.json and the class's TEST-*.xml]";
    }
}
