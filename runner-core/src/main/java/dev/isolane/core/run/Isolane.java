package dev.isolane.core.run;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.RunConfig;
import dev.isolane.core.RunFailedException;
import dev.isolane.core.RunLog;
import dev.isolane.core.RunReport;
import dev.isolane.core.coordinator.Coordinator;
import dev.isolane.core.history.History;
import dev.isolane.core.history.HistoryFile;
import dev.isolane.core.report.ConsoleReport;
import dev.isolane.core.report.HtmlReport;
import dev.isolane.core.report.JsonReport;
import dev.isolane.core.select.ClassScanner;
import dev.isolane.core.violation.ViolationFinder;
import dev.isolane.core.violation.ViolationsReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Runs a test suite: test classes share a JVM's thread pool, except isolated ones, which get a fresh JVM each.
 * Front ends (the Maven plugin, tests) build a {@link RunConfig} and call {@link #run}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Isolane {

    private Isolane() {}

    /**
     * Run the suite, write the reports and print the summary. Test failures do not throw: the returned report says
     * what happened, and the caller decides what fails the build.
     *
     * @throws InvalidConfigException when the configuration cannot work (an unwritable reports directory, say);
     *                                thrown before any JVM starts
     * @throws RunFailedException     when no test could run at all (the worker JVM cannot start, say)
     */
    public static RunReport run(RunConfig config, RunLog log) throws IOException, InterruptedException {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        long cpuAtStart = processCpuMillis();
        prepareReportsDirectory(config.reportsDirectory());
        List<String> candidates = ClassScanner.scan(config.testClassesDirectories(), config.selection());
        if (candidates.isEmpty()) {
            log.info("No tests to run.");
            return new RunReport(startedAt, 0, 0, config, List.of(), List.of(), List.of(), List.of());
        }
        History history = HistoryFile.read(config.historyFile(), log);
        Coordinator.Outcome outcome = new Coordinator(config, log, history).run(candidates);
        ViolationFinder.Findings findings = ViolationFinder.find(outcome.classes(), outcome.states());
        // After every lane is done, so that the replays take no core a test class needs.
        ViolationReplay.Outcome replayed = ViolationReplay.confirm(config, log, findings.violations(),
                outcome.classes(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        ClassReportFiles.write(config, outcome.classes());
        long cpuAtEnd = processCpuMillis();
        RunReport report = new RunReport(startedAt, Duration.ofNanos(System.nanoTime() - started).toMillis(),
                cpuAtStart < 0 || cpuAtEnd < 0 ? -1 : cpuAtEnd - cpuAtStart, config, outcome.classes(),
                replayed.violations(), findings.notes(), outcome.warnings(), outcome.sharedLanes(),
                outcome.shardShare(), replayed.summary());
        JsonReport.Document document = JsonReport.document(report, config.reportOptions().commandLine());
        JsonReport.write(config.reportsDirectory(), document);
        History updated = history.updatedWith(report);
        // After every lane is done: the page costs the tests nothing.
        HtmlReport.write(config.reportsDirectory(), document, config.historyFile() == null ? List.of()
                : updated.runs().stream().map(run -> new HtmlReport.TrendPoint(run.startedAt(), run.durationMillis(),
                        run.tests(), run.failed())).toList());
        ConsoleReport.summary(log, report);
        ViolationsReport.print(log, report);
        writeHistory(config, updated, log);
        return report;
    }

    /** The CPU this JVM has used so far, all threads; -1 where the platform does not say. */
    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static void writeHistory(RunConfig config, History history, RunLog log) {
        if (config.historyFile() == null) {
            return;
        }
        try {
            HistoryFile.write(config.historyFile(), history);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot write the history file " + config.historyFile() + " (" + e + "); isolation=auto will"
                    + " not learn from this run. Choose a writable historyFile.");
        }
    }

    private static void prepareReportsDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new InvalidConfigException("reportsDirectory", directory,
                    "It cannot be created (" + e + "); choose a directory you can write to.");
        }
        if (!Files.isWritable(directory)) {
            throw new InvalidConfigException("reportsDirectory", directory,
                    "It is not writable; choose a directory you can write to.");
        }
    }
}
