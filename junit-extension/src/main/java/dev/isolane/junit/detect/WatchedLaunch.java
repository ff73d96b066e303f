package dev.isolane.junit.detect;

import dev.isolane.core.detect.GlobalsSnapshots;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.violation.ViolationFinder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * One launch being watched: when each top-level class ran, what it left changed, and the report at the end. Classes
 * may run on several threads at once (Jupiter's parallel execution), so events are taken under one lock, and their
 * order, not the wall clock, says which classes ran at the same time.
 */
final class WatchedLaunch {

    private final TestPlan plan;
    private final PrintStream console;
    private final GlobalsSnapshots snapshots = new GlobalsSnapshots();
    /** Each running watched container, by unique id. */
    private final Map<String, Started> running = new HashMap<>();
    private final List<ViolationFinder.Span> spans = new ArrayList<>();
    private final List<ClassState> states = new ArrayList<>();
    private long tick;

    private record Started(String className, long tick) {}

    WatchedLaunch(TestPlan plan, PrintStream console) {
        this.plan = plan;
        this.console = console;
    }

    void started(TestIdentifier identifier) {
        Optional<String> watched = WatchedClasses.classOf(plan, identifier);
        if (watched.isPresent()) {
            synchronized (this) {
                snapshots.started(watched.get());
                running.put(identifier.getUniqueId(), new Started(watched.get(), ++tick));
            }
        }
    }

    void finished(TestIdentifier identifier) {
        if (!identifier.isContainer()) {
            return;
        }
        synchronized (this) {
            Started started = running.remove(identifier.getUniqueId());
            if (started == null) {
                return;
            }
            ClassState state = snapshots.finished(started.className());
            spans.add(new ViolationFinder.Span(started.className(), started.tick(), ++tick));
            if (state != null) {
                states.add(state);
            }
        }
    }

    synchronized void report() {
        List<String> lines = ViolationSection.lines(ViolationFinder.findAmong(spans, states));
        if (!lines.isEmpty()) {
            console.print(String.join(System.lineSeparator(), lines) + System.lineSeparator());
            console.flush();
        }
    }
}
