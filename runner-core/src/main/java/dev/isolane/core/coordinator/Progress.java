package dev.isolane.core.coordinator;

import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The console's progress line while classes run, at most every {@link #INTERVAL_MILLIS}: {@code Progress: 37/120
 * classes, 4 running (FooTest 12 s, BarTest 3 s), 2 failed, about 40 s left}, the estimate from the history file's
 * durations when it knows every class left. A class running far longer than it took last time is named once, as it
 * happens. Whole lines through the run's log, from the event loop's thread, so they never land inside another line.
 *
 * <p>On an interactive terminal the same text is a {@link StatusLine} instead, redrawn every {@link
 * #STATUS_INTERVAL_MILLIS} and cut to the terminal's width; a class running far too long is still a line of the log.
 */
final class Progress {

    static final long INTERVAL_MILLIS = TimeUnit.SECONDS.toMillis(10);
    /** How often the status line of an interactive terminal is redrawn. */
    static final long STATUS_INTERVAL_MILLIS = TimeUnit.SECONDS.toMillis(1);
    /** A class is overdue past this many times its usual duration ... */
    static final int OVERDUE_TIMES = 3;
    /** ... and at least this much past it: a class of 50 ms taking 2 s on a busy machine is no news. */
    static final long OVERDUE_MARGIN_MILLIS = TimeUnit.SECONDS.toMillis(10);
    private static final int NAMED_RUNNING = 3;
    /** A class name is cut no shorter than this to fit the status line; fewer names are given instead. */
    private static final int SHORTEST_NAME = 8;

    private final boolean enabled;
    private final Function<String, OptionalLong> usualMillis;
    private final Consumer<String> print;
    /** Null when the progress is lines of the log. */
    private final StatusLine statusLine;
    private final long intervalNanos;
    private final Set<String> overdueNamed = new HashSet<>();
    private long nextLineNanos;
    private int finished;
    private int failed;

    /**
     * @param usualMillis how long a class took last time (the history file's, as {@link StallWatch} looks it up)
     * @param print       where the lines go: the run's log
     * @param startNanos  when classes began to run; the first line comes an interval later
     */
    Progress(boolean enabled, Function<String, OptionalLong> usualMillis, Consumer<String> print, long startNanos) {
        this(enabled, usualMillis, print, null, startNanos);
    }

    /**
     * @param statusLine the terminal's status line to show the progress on, or null for lines of the log
     */
    Progress(boolean enabled, Function<String, OptionalLong> usualMillis, Consumer<String> print,
            StatusLine statusLine, long startNanos) {
        this.enabled = enabled;
        this.usualMillis = usualMillis;
        this.print = print;
        this.statusLine = statusLine;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(statusLine == null ? INTERVAL_MILLIS
                : STATUS_INTERVAL_MILLIS);
        this.nextLineNanos = startNanos + intervalNanos;
    }

    void finished(ClassResult result) {
        finished++;
        if (result.outcome().isProblem()) {
            failed++;
        }
    }

    /**
     * Look at the clock: name overdue classes, and print the line when its interval has passed.
     *
     * @param sharedLanes classes the shared JVM runs at once now
     * @param forks       isolated JVMs at once
     */
    void tick(long now, Collection<ClassRun> runs, int sharedLanes, int forks) {
        if (!enabled) {
            return;
        }
        List<ClassRun> running = new ArrayList<>();
        for (ClassRun run : runs) {
            if (!run.isDone() && run.runningNanos(now) > 0) {
                running.add(run);
                nameIfOverdue(run, now);
            }
        }
        if (now - nextLineNanos < 0) {
            return;
        }
        nextLineNanos = now + intervalNanos;
        OptionalLong left = estimateMillis(runs, now, sharedLanes, forks);
        if (statusLine == null) {
            print.accept(line(runs.size(), running, now, left));
        } else {
            statusLine.show(line(runs.size(), running, now, left, statusLine.width()));
        }
    }

    private void nameIfOverdue(ClassRun run, long now) {
        OptionalLong usual = usualMillis.apply(run.className());
        long elapsed = TimeUnit.NANOSECONDS.toMillis(run.runningNanos(now));
        if (usual.isPresent() && elapsed > Math.max(OVERDUE_TIMES * usual.getAsLong(),
                usual.getAsLong() + OVERDUE_MARGIN_MILLIS) && overdueNamed.add(run.className())) {
            print.accept("Progress: " + run.className() + " has run " + seconds(elapsed) + "; it took "
                    + seconds(usual.getAsLong()) + " last time");
        }
    }

    String line(int total, List<ClassRun> running, long now, OptionalLong leftMillis) {
        return line(total, running, now, leftMillis, NAMED_RUNNING, Integer.MAX_VALUE);
    }

    /**
     * The line in at most {@code width} characters where it can be had: the class names cut first (no shorter than
     * {@link #SHORTEST_NAME}), then fewer of them named; the status line cuts whatever is still too long.
     */
    String line(int total, List<ClassRun> running, long now, OptionalLong leftMillis, int width) {
        String line = line(total, running, now, leftMillis);
        int longestName = running.stream().mapToInt(run -> simpleName(run.className()).length()).max().orElse(0);
        for (int nameLength = longestName - 1; line.length() > width && nameLength >= SHORTEST_NAME; nameLength--) {
            line = line(total, running, now, leftMillis, NAMED_RUNNING, nameLength);
        }
        for (int named = NAMED_RUNNING - 1; line.length() > width && named >= 0; named--) {
            line = line(total, running, now, leftMillis, named, SHORTEST_NAME);
        }
        return line;
    }

    private String line(int total, List<ClassRun> running, long now, OptionalLong leftMillis, int named,
            int nameLength) {
        StringBuilder line = new StringBuilder("Progress: ").append(finished).append('/').append(total)
                .append(" classes, ").append(running.size()).append(" running");
        if (!running.isEmpty() && named > 0) {
            List<ClassRun> longest = running.stream()
                    .sorted(Comparator.comparingLong((ClassRun run) -> run.runningNanos(now)).reversed()
                            .thenComparing(ClassRun::className))
                    .toList();
            line.append(" (");
            for (int i = 0; i < Math.min(named, longest.size()); i++) {
                ClassRun run = longest.get(i);
                line.append(i == 0 ? "" : ", ").append(cut(simpleName(run.className()), nameLength)).append(' ')
                        .append(seconds(TimeUnit.NANOSECONDS.toMillis(run.runningNanos(now))));
            }
            if (longest.size() > named) {
                line.append(", ").append(longest.size() - named).append(" more");
            }
            line.append(')');
        }
        line.append(", ").append(failed).append(" failed");
        leftMillis.ifPresent(left -> line.append(", about ").append(roughly(left)).append(" left"));
        return line.toString();
    }

    /**
     * The time left if every class takes what it took last time: each lane's remaining work over its lanes, the
     * longer of the two; empty when the history file does not know a class left.
     */
    OptionalLong estimateMillis(Collection<ClassRun> runs, long now, int sharedLanes, int forks) {
        long shared = 0;
        long isolated = 0;
        for (ClassRun run : runs) {
            if (run.isDone()) {
                continue;
            }
            OptionalLong usual = usualMillis.apply(run.className());
            if (usual.isEmpty()) {
                return OptionalLong.empty();
            }
            long left = Math.max(0, usual.getAsLong() - TimeUnit.NANOSECONDS.toMillis(run.runningNanos(now)));
            if (run.lane() == Lane.SHARED) {
                shared += left;
            } else {
                isolated += left;
            }
        }
        return OptionalLong.of(Math.max(shared / Math.max(1, sharedLanes), isolated / Math.max(1, forks)));
    }

    private static String cut(String name, int length) {
        return name.length() <= length ? name : name.substring(0, length - 1) + "…";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String seconds(long millis) {
        return (millis / 1000) + " s";
    }

    private static String roughly(long millis) {
        long secondsLeft = Math.max(1, (millis + 999) / 1000);
        return secondsLeft < 120 ? secondsLeft + " s" : (secondsLeft + 30) / 60 + " min";
    }
}
