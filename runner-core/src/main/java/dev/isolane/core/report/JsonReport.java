package dev.isolane.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.isolane.core.RunReport;
import dev.isolane.core.ShardShare;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.SharedLaneSizing;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.Totals;
import dev.isolane.core.model.Violation;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Writes {@code isolane-report.json}, the full record of a run, in the schema docs/reports.md describes. Fields may
 * be added in later versions, never renamed. Times inside {@code classes} are milliseconds since {@code startedAt}.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonReport {

    public static final String FILE_NAME = "isolane-report.json";
    static final int SCHEMA_VERSION = 1;

    private JsonReport() {}

    record Document(int schemaVersion, String startedAt, long durationMillis, long coordinatorCpuMillis,
            Config config, SharedLaneSizing sharedLanes, Counts totals,
            List<ClassEntry> classes, List<Violation> violations, List<String> unattributed,
            List<String> warnings, ShardEntry shard) {}

    /**
     * Only in a shard's report: which shard, where its number came from, and what it took of the suite. The merge
     * of the shards' reports checks these.
     */
    record ShardEntry(int index, int total, String source, int classes, int suiteClasses, long expectedMillis,
            long suiteExpectedMillis, boolean byHistory, String splitKey, String suiteKey) {}

    record Config(int threads, int forks, String isolation, String detect) {}

    record Counts(int classes, int tests, int passed, int failed, int errors, int skipped, int flakes) {}

    record ClassEntry(String className, String lane, long pid, String thread, long startMillis, long endMillis,
            String result, String detail, List<TestEntry> tests) {}

    /** {@code runs} is how many times the test ran (more than 1 with reruns); {@code flaky}: passed on a rerun. */
    record TestEntry(String uniqueId, String displayName, String status, long durationMillis, String message,
            String failureType, int runs, boolean flaky) {}

    public static Path write(Path reportsDirectory, RunReport report) throws IOException {
        Path file = reportsDirectory.resolve(FILE_NAME);
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            gson.toJson(document(report), out);
        }
        return file;
    }

    static Document document(RunReport report) {
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
                shard(report.shardShare()));
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
                result.tests().stream().map(JsonReport::entry).toList());
    }

    private static TestEntry entry(TestResult test) {
        return new TestEntry(test.uniqueId(), test.displayName(), test.status().label(), test.durationMillis(),
                test.message(), test.failureType(), 1 + test.reruns().size(), test.isFlaky());
    }
}
