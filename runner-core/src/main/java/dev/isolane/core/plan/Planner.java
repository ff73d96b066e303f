package dev.isolane.core.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.Isolation;
import dev.isolane.core.RunOrder;
import dev.isolane.core.history.History;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
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
    private final RunOrder order;
    private final Set<String> learnedViolators;
    /** Of the learned violators, those a replay confirmed; {@code isolation=auto} starts them first. */
    private final Set<String> confirmedViolators;

    /**
     * @param history what earlier runs recorded: durations (longest classes start first) and, with
     *                {@code isolation=auto}, the classes to isolate
     */
    public Planner(Isolation isolation, int forks, History history) {
        this(isolation, forks, history, RunOrder.DEFAULT);
    }

    /**
     * @param order the order classes start in; {@link RunOrder.Kind#HOURLY} must have been resolved with
     *              {@link RunOrder#at(int)}, as planning reads no clock
     */
    public Planner(Isolation isolation, int forks, History history, RunOrder order) {
        if (order.kind() == RunOrder.Kind.HOURLY) {
            throw new IllegalArgumentException("resolve the hourly order with RunOrder.at(hour) before planning");
        }
        this.isolation = isolation;
        this.forks = forks;
        this.history = history;
        this.order = order;
        this.learnedViolators = isolation == Isolation.AUTO ? history.violators() : Set.of();
        this.confirmedViolators = isolation == Isolation.AUTO ? history.confirmedViolators() : Set.of();
    }

    /** @param discovered the test classes, in the order the scan found their files */
    public RunPlan plan(List<TestClass> discovered) {
        List<String> shared = new ArrayList<>();
        List<String> isolated = new ArrayList<>();
        for (TestClass testClass : ordered(discovered)) {
            (laneOf(testClass) == Lane.SHARED ? shared : isolated).add(testClass.className());
        }
        // Writers a replay confirmed go first: theirs is the isolation known to matter (a stable sort keeps the order).
        isolated.sort(Comparator.comparingInt((String name) -> confirmedViolators.contains(name) ? 0 : 1));
        List<String> autoIsolated = discovered.stream()
                .filter(c -> !c.isolated() && learnedViolators.contains(c.className()))
                .map(TestClass::className)
                .sorted(Comparator.comparingInt((String name) -> confirmedViolators.contains(name) ? 0 : 1)).toList();
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

    /** Whether {@code isolation=auto} isolates the class because a replay confirmed its change breaking a reader. */
    public boolean isConfirmedViolator(String className) {
        return confirmedViolators.contains(className);
    }

    /** Whether the class gets a JVM of its own: by {@code isolation}, its annotation, and with auto the history. */
    public boolean isolates(TestClass testClass) {
        return laneOf(testClass) == Lane.ISOLATED;
    }

    /** How long the class took last time, when the history file knows it. */
    public OptionalLong usualMillis(String className) {
        History.ClassHistory known = history.classes().get(className);
        return known == null ? OptionalLong.empty() : OptionalLong.of(known.durationMillis());
    }

    /** Each lane takes its classes in this order; every order but the file system's starts from the names. */
    private List<TestClass> ordered(List<TestClass> discovered) {
        List<TestClass> byName = discovered.stream().sorted(Comparator.comparing(TestClass::className)).toList();
        return switch (order.kind()) {
            case LONGEST_FIRST, BALANCED -> byName.stream().sorted(longestFirst()).toList();
            case ALPHABETICAL -> byName;
            case REVERSE_ALPHABETICAL -> discovered.stream()
                    .sorted(Comparator.comparing(TestClass::className).reversed()).toList();
            case RANDOM -> {
                List<TestClass> shuffled = new ArrayList<>(byName);
                Collections.shuffle(shuffled, new Random(order.seed()));
                yield shuffled;
            }
            case FAILED_FIRST -> byName.stream().sorted(Comparator.comparingInt(this::failedFirstRank)
                    .thenComparing(longestFirst())).toList();
            case FILESYSTEM -> List.copyOf(discovered);
            case HOURLY -> throw new IllegalStateException("unresolved hourly order");
        };
    }

    /**
     * The longest classes start first, so that none starts last and runs alone at the end; a class the history does
     * not know may be long, so it goes before the known ones. The sort is stable: ties keep the order given.
     */
    private Comparator<TestClass> longestFirst() {
        return Comparator.comparingLong((TestClass c) -> {
            History.ClassHistory known = history.classes().get(c.className());
            return known == null ? Long.MIN_VALUE : -known.durationMillis();
        });
    }

    /** 0 for a class that failed in the last run, 1 for one the history does not know, 2 for the rest. */
    private int failedFirstRank(TestClass testClass) {
        History.ClassHistory known = history.classes().get(testClass.className());
        return known == null ? 1 : known.failed() ? 0 : 2;
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
