package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;

/** How long each step of a worker's life may take, the same for the coordinator and for IDE-launched forks. */
@API(status = INTERNAL, since = "0.1")
public final class LaunchTimeouts {

    /** A worker that has not proven itself by then is considered dead. */
    public static final Duration CONNECT = Duration.ofSeconds(60);
    /** A connection must present its hello this quickly; a silent one is not allowed to hold a thread. */
    public static final Duration HELLO = Duration.ofSeconds(10);
    /** After Shutdown, how long shutdown hooks (JaCoCo writes its data in one) may take before the JVM is killed. */
    public static final Duration EXIT = Duration.ofSeconds(30);
    /** How long a worker has to answer a thread dump request before its class is reported without one. */
    public static final Duration THREAD_DUMP = Duration.ofSeconds(10);

    private LaunchTimeouts() {}
}
