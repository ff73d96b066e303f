package dev.isolane.maven;

import dev.isolane.core.RunLog;
import org.apache.maven.plugin.logging.Log;

/** Isolane's progress on Maven's log. */
final class MavenRunLog implements RunLog {
    private final Log log;

    MavenRunLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void error(String line) {
        log.error(line);
    }

    @Override
    public void debug(String line) {
        log.debug(line);
    }
}
