package dev.isolane.core.worker;

import dev.isolane.core.model.Lane;
import java.util.Locale;

/**
 * How the coordinator started this worker. Everything but the secret comes on the command line; the secret comes in
 * the environment, where other users cannot read it from the process list.
 */
record WorkerSettings(int port, String secret, String workerId, Lane lane, int threads, long coordinatorPid) {

    static final String SECRET_VARIABLE = "ISOLANE_SECRET";

    static WorkerSettings parse(String[] args, String secret) {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: WorkerMain <port> <worker-id> <shared|isolated> <threads>"
                    + " <coordinator-pid>; a worker is started by the Isolane coordinator, not by hand");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + SECRET_VARIABLE + " is not set;"
                    + " a worker is started by the Isolane coordinator, not by hand");
        }
        return new WorkerSettings(Integer.parseInt(args[0]), secret, args[1],
                Lane.valueOf(args[2].toUpperCase(Locale.ROOT)), Integer.parseInt(args[3]), Long.parseLong(args[4]));
    }

    String[] toArgs() {
        return new String[] {String.valueOf(port), workerId, lane.label(), String.valueOf(threads),
                String.valueOf(coordinatorPid)};
    }
}
