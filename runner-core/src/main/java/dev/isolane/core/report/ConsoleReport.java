package dev.isolane.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.RunLog;
import dev.isolane.core.RunReport;
import dev.isolane.core.ShardShare;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.SharedLaneSizing;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.model.Totals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** The console side of a run: Surefire's familiar lines per class and in total, plus where each class ran. */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleReport {

    private ConsoleReport() {}

    /**
     * Which shard this run is, where its number came from, and what it took of the suite; or that it has nothing to
     * run and passes.
     */
    public static String shardLine(ShardShare share) {
        String which = "Shard " + share.shard().label() + " (from " + share.shard().sourceText() + ")";
        if (share.classes() == 0) {
            return which + ": none of the suite's " + share.suiteClasses() + " test class"
                    + (share.suiteClasses() == 1 ? "" : "es") + " fell to this shard; nothing to run, and it passes.";
        }
        String split = share.timed()
                ? String.format(Locale.ROOT, "expected %.1f s of the suite's %.1f s by the history file",
                        share.expectedMillis() / 1000.0, share.suiteMillis() / 1000.0)
                : "split by count, as no history file knows these classes yet";
        return which + ": " + share.classes() + " of the suite's " + share.suiteClasses() + " test classes, " + split
                + " (split key " + share.splitKey() + ")";
    }

    /** One line per finished class, as it finishes. */
    public static void classFinished(RunLog log, ClassResult result) {
        classFinished(log, result, true);
    }

    /**
     * One line per finished class, as it finishes; without {@code printSummary} only a class that failed, crashed or
     * timed out gets one (Surefire prints none then, but Isolane's line names the JVM and says why it crashed).
     */
    public static void classFinished(RunLog log, ClassResult result, boolean printSummary) {
        if (!printSummary && !result.outcome().isProblem()) {
            return;
        }
        Totals totals = result.totals();
        String where = result.pid() < 0 ? "[not run]" : result.lane() == Lane.SHARED
                ? "[shared JVM pid " + result.pid() + ", " + result.thread() + "]"
                : "[isolated JVM pid " + result.pid() + "]";
        // Surefire's "%.3f" of the seconds, without String.format's cost on every line of thousands.
        String line = totals.surefireLine() + ", Time elapsed: " + SurefireXmlReport.seconds(result.durationMillis())
                + " s" + marker(result) + " -- in " + result.className() + " " + where;
        if (result.outcome().isProblem()) {
            log.error(line);
            if (result.detail() != null) {
                detail(log, result);
            }
        } else {
            log.info(line);
        }
    }

    /** Lines of a crash or timeout detail the console shows; the reports hold all of it (a whole thread dump). */
    static final int DETAIL_LINES = 40;

    private static void detail(RunLog log, ClassResult result) {
        List<String> lines = result.detail().lines().toList();
        for (String detailLine : lines.subList(0, Math.min(lines.size(), DETAIL_LINES))) {
            log.error(printable(detailLine));
        }
        if (lines.size() > DETAIL_LINES) {
            log.error("[" + (lines.size() - DETAIL_LINES) + " more lines in TEST-" + result.className()
                    + ".xml and isolane-report.json]");
        }
    }

    private static String marker(ClassResult result) {
        return switch (result.outcome()) {
            case FAILED, ERROR -> " <<< FAILURE!";
            case CRASHED -> " <<< CRASHED!";
            case TIMEOUT -> " <<< TIMEOUT!";
            case PASSED, SKIPPED -> "";
        };
    }

    /**
     * The closing summary: failures and errors one per line, the totals, and which JVMs ran what. Without
     * {@code printSummary}, as in Surefire, only the failures, errors and flakes.
     */
    public static void summary(RunLog log, RunReport report) {
        boolean printSummary = report.config().reportOptions().printSummary();
        if (printSummary) {
            log.info("");
            log.info("Results:");
            log.info("");
        }
        List<String> failures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> flakes = new ArrayList<>();
        for (ClassResult result : report.classes()) {
            for (TestResult test : result.tests()) {
                if (test.status() == TestStatus.FAILED) {
                    failures.addAll(withRuns(test));
                } else if (test.status() == TestStatus.ERROR) {
                    errors.addAll(withRuns(test));
                } else if (test.isFlaky()) {
                    flakes.addAll(withRuns(test));
                }
            }
        }
        section(log, "Failures:", failures);
        section(log, "Errors:", errors);
        if (!flakes.isEmpty()) {
            log.warn("Flakes:");
            flakes.forEach(line -> log.warn("  " + line));
        }
        if (!printSummary) {
            return;
        }
        Totals totals = report.totals();
        if (report.hasFailures()) {
            log.error(totals.surefireLine());
        } else {
            log.info(totals.surefireLine());
        }
        log.info("");
        lanes(log, report);
    }

    /** One line for a test that ran once; with reruns, Surefire's "Run n:" line per run. */
    static List<String> withRuns(TestResult test) {
        if (test.reruns().isEmpty()) {
            return List.of(brief(test));
        }
        List<String> lines = new ArrayList<>();
        String simpleClass = test.reportClass().substring(test.reportClass().lastIndexOf('.') + 1);
        lines.add(test.reportName().isEmpty() ? simpleClass : simpleClass + "." + test.reportName());
        List<TestResult> runs = new ArrayList<>();
        if (test.isFlaky()) {
            runs.addAll(test.reruns());
            runs.add(test);
        } else {
            runs.add(test);
            runs.addAll(test.reruns());
        }
        for (int i = 0; i < runs.size(); i++) {
            TestResult run = runs.get(i);
            lines.add("  Run " + (i + 1) + ": " + (run.status() == TestStatus.PASSED ? "PASS" : brief(run)));
        }
        return lines;
    }

    private static void section(RunLog log, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        log.error(title);
        lines.forEach(line -> log.error("  " + line));
    }

    private static void lanes(RunLog log, RunReport report) {
        Map<Long, List<ClassResult>> sharedByPid = new TreeMap<>();
        List<ClassResult> isolated = new ArrayList<>();
        for (ClassResult result : report.classes()) {
            if (result.lane() == Lane.SHARED) {
                sharedByPid.computeIfAbsent(result.pid(), pid -> new ArrayList<>()).add(result);
            } else {
                isolated.add(result);
            }
        }
        SharedLaneSizing lanes = report.sharedLanes();
        sharedByPid.forEach((pid, results) -> log.info(String.format(Locale.ROOT,
                "Threads: shared JVM pid %d ran %s on %s, up to %d at once",
                pid, classes(results.size()), threads(lanes), maxOverlap(results))));
        if (!isolated.isEmpty()) {
            log.info("Forks: " + classes(isolated.size()) + " ran in isolated JVMs of their own, up to "
                    + report.config().forks() + " at once:");
            isolated.sort(Comparator.comparing(ClassResult::className));
            isolated.forEach(result -> log.info("  " + result.className() + "  pid " + result.pid()));
        }
    }

    /** {@code 2 threads}, or {@code threads: auto, 2 to 6, peak 6 at 00:04}. */
    static String threads(SharedLaneSizing lanes) {
        if (!lanes.mode().equals("auto")) {
            return lanes.start() + (lanes.start() == 1 ? " thread" : " threads");
        }
        if (lanes.peak() == lanes.start()) {
            return lanes.start() + " threads (threads: auto, up to " + lanes.cap() + "; the CPU never had room for more)";
        }
        String held = lanes.heldAtMillis() < 0 ? ""
                : "; held at " + clock(lanes.heldAtMillis()) + ": the threads added last brought no more CPU";
        return String.format(Locale.ROOT, "threads: auto, %d to %d, peak %d at %s (up to %d; added while"
                + " the shared JVM's CPU left cores idle and classes waited%s)", lanes.start(), lanes.peak(),
                lanes.peak(), clock(lanes.peakAtMillis()), lanes.cap(), held);
    }

    /** {@code mm:ss} since the run started. */
    private static String clock(long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    private static String classes(int count) {
        return count + (count == 1 ? " class" : " classes");
    }

    /** The most classes that ran at the same moment. */
    static int maxOverlap(List<ClassResult> results) {
        List<long[]> edges = new ArrayList<>();
        for (ClassResult result : results) {
            edges.add(new long[] {result.startMillis(), 1});
            edges.add(new long[] {result.endMillis(), -1});
        }
        // At equal times, ends before starts: back-to-back classes did not overlap.
        edges.sort(Comparator.<long[]>comparingLong(edge -> edge[0]).thenComparingLong(edge -> edge[1]));
        int running = 0, most = 0;
        for (long[] edge : edges) {
            running += (int) edge[1];
            most = Math.max(most, running);
        }
        return most;
    }

    private static final Pattern FRAME = Pattern.compile("at ([\\w$.]+)\\.([\\w$<>]+)\\([^:)]*:(\\d+)\\)");

    /** Surefire's brief form: {@code FooTest.fails:9 boom ==> expected: <1> but was: <2>}. */
    static String brief(TestResult test) {
        String simpleClass = test.reportClass().substring(test.reportClass().lastIndexOf('.') + 1);
        String location = test.reportName().isEmpty() ? simpleClass : simpleClass + "." + test.reportName();
        if (test.stackTrace() != null) {
            Matcher frame = FRAME.matcher(test.stackTrace());
            while (frame.find()) {
                if (frame.group(1).equals(test.reportClass())) {
                    location = simpleClass + "." + frame.group(2) + ":" + frame.group(3);
                    break;
                }
            }
        }
        String message = test.message() == null ? test.failureType() : test.message();
        return location + " " + printable(message == null ? "" : message.lines().findFirst().orElse(""));
    }

    /** Control characters a test put in a message would garble a terminal. */
    static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\\t]]", "?");
    }
}
