package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Where Isolane reports progress; the Maven plugin maps it onto Maven's log. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface RunLog {
    void info(String line);

    void warn(String line);

    void error(String line);

    default void debug(String line) {}

    /** A log that prints to the coordinator's stdout, for tests and plain Java callers. */
    static RunLog console() {
        return new RunLog() {
            @Override
            public void info(String line) {
                System.out.println("[INFO] " + line);
            }

            @Override
            public void warn(String line) {
                System.out.println("[WARNING] " + line);
            }

            @Override
            public void error(String line) {
                System.out.println("[ERROR] " + line);
            }
        };
    }
}
