package dev.isolane.core.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.Isolation;
import dev.isolane.core.history.History;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Decides, from the discovered classes, the settings and what earlier runs recorded, which lane each class runs in,
 * in what order, and how many isolated JVMs to start before discovery has said what is isolated. It does nothing but
 * decide: no JVM, no clock, no file.
 */
@API(status = INTERNAL, since = "0.1")
public final class Planner {

    /** Past this, last time, an isolated class gets a JVM with the default JIT rather than a fast-starting one. */
    static final long LONG_CLASS_MILLIS = 5_000;

    private final Isolation isolation;
    private final int forks;
    private final History history;
    private final Set<String> learnedViolators;

    /**
     * @param history what earlier runs recorded: durations (longest classes start first) and, with
     *                {@code isolation=auto}, the classes to isolate
     */
    public Planner(Isolation isolation, int forks, History history) {
        this.isolation = isolation;
        this.forks = forks;
        this.history = history;
        this.learnedViolators = isolation == Isolation.AUTO ? history.violators() : Set.of();
    }

    public RunPlan plan(List<TestClass> discovered) {
        List<String> shared = new ArrayList<>();
        List<String> isolated = new ArrayList<>();
        for (TestClass testClass : longestFirst(discovered)) {
            (laneOf(testClass) == Lane.SHARED ? shared : isolated).add(testClass.className());
        }
        List<String> autoIsolated = discovered.stream()
                .filter(c -> !c.isolated() && learnedViolators.contains(c.className()))
                .map(TestClass::className).toList();
        return new RunPlan(shared, isolated, isolation == Isolation.AUTO ? autoIsolated : List.of());
    }

    /**
     * How many isolated JVMs to start before discovery says what is isolated: as many as last run isolated, up to
     * {@code forks}; with no history, one for a likely {@code @IsolatedProcess} class (all of them for
     * {@code isolation=all}). A spare nobody needs exits as soon as discovery is done.
     */
    public int spares() {
        long lastTime = history.classes().values().stream().filter(c -> c.lane() == Lane.ISOLATED).count();
        return switch (isolation) {
            case NONE -> 0;
            case ALL -> forks;
            case ANNOTATED, AUTO -> (int) Math.min(forks,
                    history.classes().isEmpty() ? 1 : lastTime + learnedViolators.size());
        };
    }

    /**
     * Whether an isolated class gets a JVM tuned to start fast and live short; a class that ran long last time gets
     * one with the default JIT, whose top tier pays off on long work.
     */
    public boolean startsLean(String className) {
        History.ClassHistory known = history.classes().get(className);
        return known == null || known.durationMillis() <= LONG_CLASS_MILLIS;
    }

    /** How long the class took last time, when the history file knows it. */
    public OptionalLong usualMillis(String className) {
        History.ClassHistory known = history.classes().get(className);
        return known == null ? OptionalLong.empty() : OptionalLong.of(known.durationMillis());
    }

    /**
     * The longest classes start first, so that none starts last and runs alone at the end; a class the history does
     * not know may be long, so it goes before the known ones. Ties keep discovery's (alphabetical) order.
     */
    private List<TestClass> longestFirst(List<TestClass> discovered) {
        return discovered.stream().sorted(Comparator.comparingLong((TestClass c) -> {
            History.ClassHistory known = history.classes().get(c.className());
            return known == null ? Long.MIN_VALUE : -known.durationMillis();
        })).toList();
    }

    private Lane laneOf(TestClass testClass) {
        boolean isolated = switch (isolation) {
            case ALL -> true;
            case NONE -> false;
            case ANNOTATED -> testClass.isolated();
            case AUTO -> testClass.isolated() || learnedViolators.contains(testClass.className());
        };
        return isolated ? Lane.ISOLATED : Lane.SHARED;
    }
}
