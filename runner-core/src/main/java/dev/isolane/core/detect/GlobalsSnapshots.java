package dev.isolane.core.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.StateAccess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Watch the JVM globals around test classes in a JVM that runs without Isolane's agent, such as a plain JUnit
 * launch: the same snapshots the shared worker takes at every class start and end, and the same rule for blaming a
 * change. Without the agent no class is ever seen reading or changing anything, so a change belongs to a class only
 * when that class was the only one running; a change made while several ran is reported with all their names.
 *
 * <p>Thread-safe: classes may start and finish on any thread, several at once.
 */
@API(status = INTERNAL, since = "0.1")
public final class GlobalsSnapshots {

    private final GlobalsWatch watch = new GlobalsWatch();
    /** Running classes by name, with how many runs of each are in flight (a class two suites select, say). */
    private final Map<String, Running> running = new HashMap<>();

    private static final class Running {
        final ClassAccesses accesses;
        int runs = 1;

        Running(ClassAccesses accesses) {
            this.accesses = accesses;
        }
    }

    /** Take the snapshot the class starts from. */
    public synchronized void started(String className) {
        Running current = running.get(className);
        if (current != null) {
            // Two runs of one class at once are one suspect, not two: blaming "the class" is right either way.
            current.runs++;
            return;
        }
        ClassAccesses accesses = new ClassAccesses(className);
        running.put(className, new Running(accesses));
        watch.started(accesses);
    }

    /**
     * Take the snapshot the class ends with, and say which globals it changed and whether it put them back; null
     * while another run of the same class is still going, or for a class that never started.
     */
    public synchronized ClassState finished(String className) {
        Running current = running.get(className);
        if (current == null || --current.runs > 0) {
            return null;
        }
        running.remove(className);
        GlobalsWatch.Finish finish = watch.finished(current.accesses);
        List<StateAccess> accesses = new ArrayList<>();
        finish.restoredByKey().forEach((key, restored) ->
                accesses.add(new StateAccess(key, false, true, restored, false)));
        accesses.sort(Comparator.comparing(StateAccess::key));
        return new ClassState(className, accesses, finish.unattributed());
    }
}
