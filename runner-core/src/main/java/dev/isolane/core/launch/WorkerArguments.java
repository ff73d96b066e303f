package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.Lane;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What a worker JVM is told on its command line, after its main class. Both the coordinator and the junit-extension
 * start workers with {@link #toList()}; the worker reads them back with {@link #parse}.
 *
 * @param port           the loopback port of the {@link WorkerServer} to connect to
 * @param workerId       the id the server expects in the worker's hello
 * @param lane           shared (many classes on {@code threads} threads) or isolated (one class)
 * @param threads        how many classes run at once
 * @param coordinatorPid the process the worker must not outlive
 */
@API(status = INTERNAL, since = "0.1")
public record WorkerArguments(int port, String workerId, Lane lane, int threads, long coordinatorPid) {

    /** The main class of every worker JVM. */
    public static final String MAIN_CLASS = "dev.isolane.core.worker.WorkerMain";

    private static final String USAGE = "usage: WorkerMain <port> <worker-id> <shared|isolated> <threads>"
            + " <coordinator-pid>; a worker is started by the Isolane coordinator, not by hand";

    public List<String> toList() {
        return List.of(String.valueOf(port), workerId, lane.label(), String.valueOf(threads),
                String.valueOf(coordinatorPid));
    }

    /** @throws IllegalArgumentException when the arguments are not what {@link #toList()} writes */
    public static WorkerArguments parse(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException(USAGE);
        }
        try {
            return new WorkerArguments(Integer.parseInt(args[0]), args[1],
                    Lane.valueOf(args[2].toUpperCase(Locale.ROOT)), Integer.parseInt(args[3]),
                    Long.parseLong(args[4]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(USAGE + " (" + e.getMessage() + ")", e);
        }
    }
}
