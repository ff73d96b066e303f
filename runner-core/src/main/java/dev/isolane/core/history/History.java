package dev.isolane.core.history;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.Detection;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What Isolane remembers between runs, per test class: how long it took, whether it failed, and the shared state it
 * changed in a way that made a violation. With {@code isolation=auto} those classes get a JVM of their own.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param updatedAt     when the run that wrote it started, ISO-8601
 * @param classes       per class name
 * @param runs          the last runs, oldest first, at most {@link #RUNS_KEPT}: the HTML report's trend; empty in
 *                      files written before
 */
@API(status = INTERNAL, since = "0.1")
public record History(int schemaVersion, String updatedAt, Map<String, ClassHistory> classes, List<RunRecord> runs) {

    /** Bump on any change an older Isolane would misread; a file of another version is warned about and rewritten. */
    public static final int SCHEMA_VERSION = 1;
    /** How many runs the trend keeps. */
    public static final int RUNS_KEPT = 30;

    public History {
        // Sorted, so that the file reads and diffs well.
        classes = Collections.unmodifiableMap(classes == null ? new TreeMap<>() : new TreeMap<>(classes));
        runs = runs == null ? List.of() : runs.stream().filter(Objects::nonNull).toList();
    }

    public History(int schemaVersion, String updatedAt, Map<String, ClassHistory> classes) {
        this(schemaVersion, updatedAt, classes, List.of());
    }

    /**
     * One earlier run, for the trend.
     *
     * @param failed tests that failed or errored (a class that crashed or timed out counts its error)
     */
    public record RunRecord(String startedAt, long durationMillis, int classes, int tests, int failed) {}

    public static History empty() {
        return new History(SCHEMA_VERSION, null, Map.of());
    }

    /**
     * One class's record.
     *
     * @param durationMillis how long it ran last time
     * @param lane           where it ran last time: shared or isolated
     * @param changedState   the state it changed that made violations, when it last ran in the shared JVM
     * @param failed         whether it failed last time (a test failed or errored, or the class crashed or timed
     *                       out), which {@code runOrder=failedfirst} starts first; false in files written before
     * @param ranAt          when the run that recorded this entry started, ISO-8601; null in files written before.
     *                       Merging the history files of several shards keeps, per class, the entry that ran last
     */
    public record ClassHistory(long durationMillis, Lane lane, List<ChangedState> changedState, boolean failed,
            String ranAt) {
        public ClassHistory {
            changedState = changedState == null ? List.of() : List.copyOf(changedState);
        }

        public ClassHistory(long durationMillis, Lane lane, List<ChangedState> changedState, boolean failed) {
            this(durationMillis, lane, changedState, failed, null);
        }

        public ClassHistory(long durationMillis, Lane lane, List<ChangedState> changedState) {
            this(durationMillis, lane, changedState, false, null);
        }
    }

    /**
     * A piece of state a class changed, as in the violation it made: its kind, target, whether it restored it, and
     * whether replaying the class before a reader changed the reader's outcome (false in files written before).
     */
    public record ChangedState(StateKind kind, String target, boolean restored, boolean confirmed) {

        public ChangedState(StateKind kind, String target, boolean restored) {
            this(kind, target, restored, false);
        }
    }

    /** Classes that changed shared state that other classes saw or that they left changed: isolate them. */
    public Set<String> violators() {
        Set<String> violators = new TreeSet<>();
        classes.forEach((name, entry) -> {
            if (!entry.changedState().isEmpty()) {
                violators.add(name);
            }
        });
        return violators;
    }

    /** The violators whose change a replay showed breaking (or making) a reader's test: isolated first. */
    public Set<String> confirmedViolators() {
        Set<String> confirmed = new TreeSet<>();
        classes.forEach((name, entry) -> {
            if (entry.changedState().stream().anyMatch(ChangedState::confirmed)) {
                confirmed.add(name);
            }
        });
        return confirmed;
    }

    /**
     * This history updated with a run: every class that ran gets its new duration and whether it failed; a class
     * observed in the shared JVM gets the state it changed this time (none when it was clean). What a run could not
     * observe is carried over: classes that ran isolated (learned violators among them) or not at all, and with
     * {@code detect=globals} the static fields, with {@code detect=off} everything.
     */
    public History updatedWith(RunReport report) {
        Map<String, ClassHistory> next = new TreeMap<>(classes);
        Map<String, List<ChangedState>> changedBy = new TreeMap<>();
        for (Violation violation : report.violations()) {
            for (String writer : violation.writers()) {
                boolean confirmed = violation.isConfirmed() && writer.equals(violation.confirmation().writer());
                changedBy.computeIfAbsent(writer, w -> new ArrayList<>())
                        .add(new ChangedState(violation.kind(), violation.target(), violation.restored(), confirmed));
            }
        }
        Detection detection = report.config().detection();
        for (ClassResult result : report.classes()) {
            ClassHistory before = classes.get(result.className());
            List<ChangedState> carried = before == null ? List.of() : before.changedState();
            List<ChangedState> changed;
            if (result.lane() != Lane.SHARED || detection == Detection.OFF) {
                changed = carried;
            } else {
                changed = new ArrayList<>(changedBy.getOrDefault(result.className(), List.of()));
                if (detection == Detection.GLOBALS) {
                    carried.stream().filter(c -> c.kind() == StateKind.STATIC_FIELD).forEach(changed::add);
                }
            }
            next.put(result.className(), new ClassHistory(result.durationMillis(), result.lane(), changed,
                    result.outcome().isProblem(), report.startedAt().toString()));
        }
        List<RunRecord> lastRuns = new ArrayList<>(runs);
        lastRuns.add(new RunRecord(report.startedAt().toString(), report.durationMillis(), report.classes().size(),
                report.totals().tests(), report.totals().failed() + report.totals().errors()));
        return new History(SCHEMA_VERSION, report.startedAt().toString(), next,
                lastRuns.subList(Math.max(0, lastRuns.size() - RUNS_KEPT), lastRuns.size()));
    }
}
