package dev.isolane.junit.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Starts and ends every launcher discovery with no claimed classes, so the classes one discovery forked never vanish
 * from a later one (in which the Isolane engine may be excluded, say). Registered through {@code
 * META-INF/services}; the Launcher calls it around engine discovery and the post-discovery filters.
 */
@API(status = INTERNAL, since = "0.1")
public final class DiscoveryScope implements LauncherDiscoveryListener {

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        Claims.clear();
    }

    @Override
    public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        Claims.clear();
    }
}
