package dev.isolane.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.report.JsonReport.ClassEntry;
import dev.isolane.core.report.JsonReport.Counts;
import dev.isolane.core.report.JsonReport.Document;
import dev.isolane.core.report.JsonReport.RepeatedClass;
import dev.isolane.core.report.JsonReport.RunEntry;
import dev.isolane.core.model.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Merges the reports of several runs (CI shards, machines, JDKs) into one: the totals added, each run kept as a
 * group of its own ({@code runs}, and each class's {@code run}), and a class that more than one run ran named in
 * {@code repeatedClasses}. A merged report merges again: its runs become runs of the new one. Pure: no files.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportMerger {

    private ReportMerger() {}

    /**
     * One report to merge.
     *
     * @param source where it came from (its file), for the reader
     */
    public record Input(String source, Document document) {
        public Input {
            Objects.requireNonNull(document, "document");
        }
    }

    /** The merged report; a single report that is not itself merged comes back unchanged. */
    public static Document merge(List<Input> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        if (inputs.size() == 1 && !inputs.get(0).document().isMerged()) {
            return inputs.get(0).document();
        }
        List<RunEntry> runs = new ArrayList<>();
        List<ClassEntry> classes = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<String> unattributed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Counts totals = new Counts(0, 0, 0, 0, 0, 0, 0);
        Instant earliest = null;
        Instant latestEnd = null;
        long cpu = 0;
        for (Input input : inputs) {
            Document document = input.document();
            // A merged input brings its runs along; a plain one is one run.
            List<RunEntry> own = document.isMerged() ? document.runs() : List.of(new RunEntry(null, input.source(),
                    document.startedAt(), document.durationMillis(), document.config(), document.sharedLanes(),
                    document.totals(), document.commandLine(), document.shard()));
            int offset = runs.size();
            for (RunEntry run : own) {
                int number = runs.size() + 1;
                runs.add(new RunEntry("run " + number, run.source(), run.startedAt(), run.durationMillis(),
                        run.config(), run.sharedLanes(), run.totals(), run.commandLine(), run.shard()));
                Instant start = JsonReport.instant(run.startedAt());
                Instant end = start.plusMillis(Math.max(0, run.durationMillis()));
                earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
                latestEnd = latestEnd == null || end.isAfter(latestEnd) ? end : latestEnd;
            }
            for (ClassEntry entry : document.classes()) {
                int run = document.isMerged() && entry.run() != null ? entry.run() : 1;
                classes.add(entry.inRun(offset + run));
            }
            String prefix = own.size() == 1 ? "run " + (offset + 1) + ": " : "";
            violations.addAll(document.violations());
            document.unattributed().forEach(note -> unattributed.add(prefix + note));
            document.warnings().forEach(warning -> warnings.add(prefix + warning));
            totals = totals.plus(document.totals() != null ? document.totals() : new Counts(0, 0, 0, 0, 0, 0, 0));
            cpu = cpu < 0 || document.coordinatorCpuMillis() < 0 ? -1 : cpu + document.coordinatorCpuMillis();
        }
        List<RepeatedClass> repeated = repeated(classes);
        repeated.forEach(r -> warnings.add(r.className() + " ran in more than one of the merged runs: runs "
                + String.join(", ", r.runs().stream().map(String::valueOf).toList())));
        Document first = inputs.get(0).document();
        return new Document(JsonReport.SCHEMA_VERSION, earliest.toString(),
                latestEnd.toEpochMilli() - earliest.toEpochMilli(), cpu, first.config(), null, totals, classes,
                violations, unattributed, warnings, null, runs, repeated.isEmpty() ? null : repeated, null);
    }

    private static List<RepeatedClass> repeated(List<ClassEntry> classes) {
        Map<String, Set<Integer>> runsOf = new LinkedHashMap<>();
        for (ClassEntry entry : classes) {
            runsOf.computeIfAbsent(entry.className(), name -> new LinkedHashSet<>()).add(entry.run());
        }
        List<RepeatedClass> repeated = new ArrayList<>();
        runsOf.forEach((name, runs) -> {
            if (runs.size() > 1) {
                repeated.add(new RepeatedClass(name, List.copyOf(runs)));
            }
        });
        return repeated;
    }
}
