package dev.isolane.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.isolane.core.RunReport;
import dev.isolane.core.ShardShare;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.ReplaySummary;
import dev.isolane.core.model.SharedLaneSizing;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.model.Totals;
import dev.isolane.core.model.Violation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes {@code isolane-report.json}, the full record of a run, in the schema docs/reports.md describes, and reads it
 * back (to merge reports, or to draw the HTML of one). Fields may be added in later versions, never renamed. Times
 * inside {@code classes} are milliseconds since {@code startedAt} (in a merged report, since their own run's).
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonReport {

    public static final String FILE_NAME = "isolane-report.json";
    static final int SCHEMA_VERSION = 1;
    /** Output and stack traces kept per test in the JSON; the XML files hold all of it. */
    static final int TEXT_LIMIT = 64 * 1024;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .registerTypeAdapterFactory(new TestEntryAdapter()).create();

    private JsonReport() {}

    /**
     * The whole file. {@code commandLine} is the command that reproduces the run, when the front end knows it;
     * {@code runs} and {@code repeatedClasses} are only in a report merged from several ({@link ReportMerger}).
     */
    public record Document(int schemaVersion, String startedAt, long durationMillis, long coordinatorCpuMillis,
            Config config, SharedLaneSizing sharedLanes, Counts totals,
            List<ClassEntry> classes, List<Violation> violations, List<String> unattributed,
            List<String> warnings, String commandLine, List<RunEntry> runs, List<RepeatedClass> repeatedClasses,
            ShardEntry shard, ReplaySummary replay) {

        public Document {
            classes = classes == null ? List.of() : classes;
            violations = violations == null ? List.of() : violations;
            unattributed = unattributed == null ? List.of() : unattributed;
            warnings = warnings == null ? List.of() : warnings;
        }

        /** A document without a {@code replay} summary: a merged report, or a run that replayed nothing. */
        public Document(int schemaVersion, String startedAt, long durationMillis, long coordinatorCpuMillis,
                Config config, SharedLaneSizing sharedLanes, Counts totals, List<ClassEntry> classes,
                List<Violation> violations, List<String> unattributed, List<String> warnings, String commandLine,
                List<RunEntry> runs, List<RepeatedClass> repeatedClasses, ShardEntry shard) {
            this(schemaVersion, startedAt, durationMillis, coordinatorCpuMillis, config, sharedLanes, totals, classes,
                    violations, unattributed, warnings, commandLine, runs, repeatedClasses, shard, null);
        }

        /** Whether this report merges several runs. */
        public boolean isMerged() {
            return runs != null && !runs.isEmpty();
        }

        /** When the run began; the epoch when the file does not say. */
        public Instant startInstant() {
            return instant(startedAt);
        }
    }

    public record Config(int threads, int forks, String isolation, String detect) {}

    public record Counts(int classes, int tests, int passed, int failed, int errors, int skipped, int flakes) {

        public Counts plus(Counts other) {
            return new Counts(classes + other.classes, tests + other.tests, passed + other.passed,
                    failed + other.failed, errors + other.errors, skipped + other.skipped, flakes + other.flakes);
        }
    }

    /**
     * One class. {@code jvmStartMillis} and {@code jvmReadyMillis}: for an isolated class, when its JVM was launched
     * and when it had started (since {@code startedAt}); {@code run}: in a merged report, the number of the run it
     * belongs to (1 is {@code runs[0]}).
     */
    public record ClassEntry(String className, String lane, long pid, String thread, long startMillis,
            long endMillis, String result, String detail, List<TestEntry> tests, Long jvmStartMillis,
            Long jvmReadyMillis, Integer run) {

        public ClassEntry {
            tests = tests == null ? List.of() : tests;
        }

        /** This entry as part of run {@code number} of a merged report. */
        ClassEntry inRun(int number) {
            return new ClassEntry(className, lane, pid, thread, startMillis, endMillis, result, detail, tests,
                    jvmStartMillis, jvmReadyMillis, number);
        }
    }

    /**
     * One test. {@code runs} is how many times the test ran (more than 1 with reruns); {@code flaky}: passed on a
     * rerun. {@code reportName} and {@code reportClass} are the names in the XML ({@code reportClass} only when it
     * is not the class's own name: a {@code @Nested} class's); {@code stackTrace}, {@code stdout} and {@code stderr}
     * are kept for tests that did not pass, cut at {@link #TEXT_LIMIT}; {@code reruns} are the other runs.
     */
    public record TestEntry(String uniqueId, String displayName, String status, long durationMillis, String message,
            String failureType, int runs, boolean flaky, String reportName, String reportClass, String stackTrace,
            String stdout, String stderr, List<RerunEntry> reruns) {}

    /** Another run of a test, with reruns of failed tests. */
    public record RerunEntry(String status, long durationMillis, String message, String failureType,
            String stackTrace) {}

    /** One run of a merged report: where its file was, and its own summary (with its shard, when it was one). */
    public record RunEntry(String label, String source, String startedAt, long durationMillis, Config config,
            SharedLaneSizing sharedLanes, Counts totals, String commandLine, ShardEntry shard) {}

    /**
     * Only in a shard's report: which shard, where its number came from, and what it took of the suite. The merge
     * of the shards' reports checks these ({@link ShardCoverage}).
     */
    public record ShardEntry(int index, int total, String source, int classes, int suiteClasses, long expectedMillis,
            long suiteExpectedMillis, boolean byHistory, String splitKey, String suiteKey) {}

    /** A class that more than one of the merged runs ran, and which. */
    public record RepeatedClass(String className, List<Integer> runs) {}

    /** A file that is not an Isolane report, or not one this version reads; the message says which and why. */
    public static final class UnreadableReport extends IOException {
        UnreadableReport(String message) {
            super(message);
        }
    }

    public static Path write(Path reportsDirectory, RunReport report) throws IOException {
        return write(reportsDirectory, document(report, null));
    }

    public static Path write(Path reportsDirectory, Document document) throws IOException {
        Path file = reportsDirectory.resolve(FILE_NAME);
        try (Writer out = new UnsynchronizedWriter(file, 32 * 1024)) {
            GSON.toJson(document, out);
        }
        return file;
    }

    /**
     * Read a report back.
     *
     * @throws UnreadableReport when the file is not JSON, has no {@code schemaVersion} or {@code classes}, or another
     *                          schema version
     */
    public static Document read(Path file) throws IOException {
        JsonElement root;
        try (JsonReader in = new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            in.setStrictness(Strictness.STRICT); // not Gson's lenient default, which reads "<html>" as a string
            root = JsonParser.parseReader(in);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("more follows the JSON value");
            }
        } catch (RuntimeException | MalformedJsonException e) { // Gson's parse errors come in several types
            throw new UnreadableReport(file + " is not an Isolane report: it is not valid JSON (" + e.getMessage()
                    + "). Name the isolane-report.json files that isolane:test wrote.");
        }
        JsonObject object = root.isJsonObject() ? root.getAsJsonObject() : null;
        JsonElement version = object == null ? null : object.get("schemaVersion");
        if (version == null || !version.isJsonPrimitive() || !object.has("classes") || !object.has("totals")) {
            throw new UnreadableReport(file + " is not an Isolane report: it has no schemaVersion, totals and"
                    + " classes. Name the isolane-report.json files that isolane:test wrote.");
        }
        JsonPrimitive number = version.getAsJsonPrimitive();
        if (!number.isNumber() || number.getAsInt() != SCHEMA_VERSION) {
            throw new UnreadableReport(file + " is an Isolane report of schema version " + number.getAsString()
                    + ", but this Isolane reads version " + SCHEMA_VERSION + "; merge it with the Isolane version"
                    + " that wrote it.");
        }
        try {
            Document document = GSON.fromJson(object, Document.class);
            for (ClassEntry entry : document.classes()) {
                if (entry == null || entry.className() == null || entry.result() == null) {
                    throw new IllegalArgumentException("a class entry has no className or result");
                }
            }
            return document;
        } catch (RuntimeException e) {
            throw new UnreadableReport(file + " is not a complete Isolane report (" + e.getMessage() + "). Name the"
                    + " isolane-report.json files that isolane:test wrote.");
        }
    }

    /** The document of a run; {@code commandLine} is what reproduces it, or null. */
    public static Document document(RunReport report, String commandLine) {
        long origin = report.startedAt().toEpochMilli();
        Totals totals = report.totals();
        return new Document(
                SCHEMA_VERSION,
                report.startedAt().toString(),
                report.durationMillis(),
                report.coordinatorCpuMillis(),
                new Config(report.config().threads().start(), report.config().forks(),
                        report.config().isolation().label(), report.config().detection().label()),
                report.sharedLanes(),
                new Counts(report.classes().size(), totals.tests(), totals.passed(), totals.failed(),
                        totals.errors(), totals.skipped(), totals.flakes()),
                report.classes().stream().map(result -> entry(result, origin)).toList(),
                report.violations(),
                report.unattributed(),
                report.warnings(),
                commandLine == null || commandLine.isBlank() ? null : commandLine,
                null,
                null,
                shard(report.shardShare()),
                report.replay());
    }

    /** Null, and so absent from the file, when the run was the whole suite. */
    private static ShardEntry shard(ShardShare share) {
        return share == null ? null : new ShardEntry(share.shard().index(), share.shard().total(),
                share.shard().source(), share.classes(), share.suiteClasses(), share.expectedMillis(),
                share.suiteMillis(), share.timed(), share.splitKey(), share.suiteKey());
    }

    private static ClassEntry entry(ClassResult result, long origin) {
        return new ClassEntry(result.className(), result.lane().label(), result.pid(), result.thread(),
                Math.max(0, result.startMillis() - origin), Math.max(0, result.endMillis() - origin),
                result.outcome().label(), result.detail(),
                result.tests().stream().map(test -> entry(test, result.className())).toList(),
                sinceStart(result.jvmStartMillis(), origin), sinceStart(result.jvmReadyMillis(), origin), null);
    }

    /** An epoch time as milliseconds since the run's start; null (left out of the JSON) when not known. */
    private static Long sinceStart(long epochMillis, long origin) {
        return epochMillis > 0 ? Math.max(0, epochMillis - origin) : null;
    }

    private static TestEntry entry(TestResult test, String className) {
        boolean kept = test.status() != TestStatus.PASSED || test.isFlaky();
        return new TestEntry(test.uniqueId(), test.displayName(), test.status().label(), test.durationMillis(),
                test.message(), test.failureType(), 1 + test.reruns().size(), test.isFlaky(), test.reportName(),
                className.equals(test.reportClass()) ? null : test.reportClass(),
                kept ? cut(test.stackTrace()) : null,
                kept ? cut(test.stdout()) : null,
                kept ? cut(test.stderr()) : null,
                test.reruns().isEmpty() ? null : test.reruns().stream().map(run -> new RerunEntry(
                        run.status().label(), run.durationMillis(), run.message(), run.failureType(),
                        cut(run.stackTrace()))).toList());
    }

    /** Text longer than the limit, cut with a note saying so; empty text as null, which the JSON leaves out. */
    static String cut(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() <= TEXT_LIMIT) {
            return text;
        }
        return text.substring(0, TEXT_LIMIT) + "\n[... " + (text.length() - TEXT_LIMIT) + " more characters cut;"
                + " the whole text is in the class's TEST-*.xml]";
    }

    /**
     * A class entry as a result again, for the XML files of a merged report: times from {@code origin} (epoch
     * milliseconds), names of the XML from the entry, output and stack traces as far as the JSON kept them.
     */
    public static ClassResult classResult(ClassEntry entry, long origin) {
        List<TestResult> tests = entry.tests().stream().map(test -> testResult(test, entry.className())).toList();
        return new ClassResult(entry.className(), "isolated".equals(entry.lane()) ? Lane.ISOLATED : Lane.SHARED,
                entry.pid(), entry.thread() == null ? "" : entry.thread(), origin + entry.startMillis(),
                origin + entry.endMillis(), outcome(entry.result()), tests, "", "", entry.detail(), Map.of(),
                entry.jvmStartMillis() == null ? 0 : origin + entry.jvmStartMillis(),
                entry.jvmReadyMillis() == null ? 0 : origin + entry.jvmReadyMillis());
    }

    private static TestResult testResult(TestEntry test, String className) {
        String name = test.reportName() != null ? test.reportName() : test.displayName();
        List<TestResult> reruns = test.reruns() == null ? List.of() : test.reruns().stream()
                .map(run -> new TestResult(test.uniqueId(), test.displayName(), name, className,
                        status(run.status()), Math.max(0, run.durationMillis()), run.message(), run.failureType(),
                        run.stackTrace(), "", ""))
                .toList();
        return new TestResult(test.uniqueId() == null ? className + "/" + name : test.uniqueId(),
                test.displayName(), name, test.reportClass() != null ? test.reportClass() : className,
                status(test.status()), Math.max(0, test.durationMillis()), test.message(), test.failureType(),
                test.stackTrace(), test.stdout(), test.stderr(), reruns);
    }

    static TestStatus status(String label) {
        try {
            return TestStatus.valueOf(String.valueOf(label).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return TestStatus.ERROR;
        }
    }

    static ClassOutcome outcome(String label) {
        try {
            return ClassOutcome.valueOf(String.valueOf(label).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ClassOutcome.ERROR;
        }
    }

    /** A report's {@code startedAt} as an instant; the epoch when it is missing or unreadable. */
    public static Instant instant(String text) {
        try {
            return text == null ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
