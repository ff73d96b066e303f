package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a worker JVM is told in its environment: the run's secret, which other users cannot read from the process
 * list as they could a command line, and the worker's own scratch directory.
 *
 * @param secret  proves to the {@link WorkerServer} that the worker belongs to this run
 * @param scratch where the worker keeps what must outlive it (the last output of running classes), or null
 */
@API(status = INTERNAL, since = "0.1")
public record WorkerEnvironment(String secret, Path scratch) {

    public static final String SECRET_VARIABLE = "ISOLANE_SECRET";
    static final String SCRATCH_VARIABLE = "ISOLANE_WORKER_DIR";

    void applyTo(Map<String, String> environment) {
        environment.put(SECRET_VARIABLE, secret);
        if (scratch != null) {
            environment.put(SCRATCH_VARIABLE, scratch.toString());
        }
    }

    /** @throws IllegalArgumentException when the secret is missing: the JVM was not started by Isolane */
    public static WorkerEnvironment read(Map<String, String> environment) {
        String secret = environment.get(SECRET_VARIABLE);
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("environment variable " + SECRET_VARIABLE + " is not set;"
                    + " a worker is started by the Isolane coordinator, not by hand");
        }
        String scratch = environment.get(SCRATCH_VARIABLE);
        return new WorkerEnvironment(secret, scratch == null || scratch.isEmpty() ? null : Path.of(scratch));
    }
}
