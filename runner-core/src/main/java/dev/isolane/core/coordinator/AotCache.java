package dev.isolane.core.coordinator;

import dev.isolane.core.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The ahead-of-time cache of Java 25 and later (JEP 483, 514, 515): what {@code WarmUp} loaded and linked from the
 * JDK, Isolane's and JUnit's jars, with the method profiles of that run, recorded in one step with {@code
 * -XX:AOTCacheOutput} from the same warm-up the class-data-sharing archive records, and mapped by later workers with
 * {@code -XX:AOTCache}. It holds more than the archive (classes already linked, the JDK's own classes with them), so
 * a worker without an agent prefers it once it is ready.
 *
 * <p>Recorded once per set of jars and JDK (the archive's key), in the background; a run never waits for it. The
 * training JVM runs with the lean workers' collector, since a cache's heap objects are recorded for one collector. A
 * JDK that fails to record one (a build without the feature) is not asked again for that key.
 */
final class AotCache {

    /** The first JDK whose launcher records a cache in one step ({@code -XX:AOTCacheOutput}, JEP 514). */
    static final int FIRST_FEATURE = 25;
    /** How long the end of a run waits for a recording still going (training, then the assembly JVM it starts). */
    private static final long FINISH_WAIT_MILLIS = 30_000;
    private static final String RECORDING_LOG = "recording-aot.log";

    private final Path cache;
    /** Left beside the cache when a recording failed: the JDK cannot record one, so no later run tries again. */
    private final Path failure;
    private volatile boolean ready;
    private volatile boolean failed;
    private Thread recorder;

    private AotCache(Path cache) {
        this.cache = cache;
        this.failure = cache.resolveSibling(cache.getFileName() + ".failed");
        this.ready = Files.isRegularFile(cache);
    }

    /** The cache for this configuration, recorded now in the background when missing. */
    static AotCache prepare(RunConfig config, List<Path> prefix) {
        Path cache = config.workDirectory().resolve("cds").resolve("workers-"
                + WorkerArchive.key(config, prefix) + ".aot");
        AotCache aotCache = new AotCache(cache);
        if (!aotCache.ready && !Files.exists(aotCache.failure)) {
            aotCache.recorder = new Thread(() -> aotCache.record(config, prefix), "isolane-aot-recorder");
            aotCache.recorder.setDaemon(true);
            aotCache.recorder.start();
        }
        return aotCache;
    }

    boolean isReady() {
        return ready;
    }

    /** Whether this run's recording failed (the JDK said why in {@link #recordingLog}). */
    boolean hasFailed() {
        return failed;
    }

    Path recordingLog() {
        return cache.resolveSibling(RECORDING_LOG);
    }

    Path file() {
        return cache;
    }

    /**
     * JVM options that map the cache. A JVM that cannot use it runs without it (the default {@code AOTMode=auto});
     * the coordinator has already said why when it knew beforehand.
     */
    List<String> options() {
        return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off,cds=off");
    }

    void awaitRecording() throws InterruptedException {
        if (recorder != null) {
            recorder.join(FINISH_WAIT_MILLIS);
        }
    }

    private void record(RunConfig config, List<Path> prefix) {
        try {
            ready = WarmUpRecording.record(config, prefix, List.of("-XX:AOTCacheOutput=%s",
                    "-XX:+UseSerialGC", "-Xlog:aot=warning,cds=warning"), cache, RECORDING_LOG);
            if (!ready) {
                failed = true;
                Files.writeString(failure, "see " + RECORDING_LOG + "; delete this file to try again\n");
            }
        } catch (IOException | RuntimeException e) {
            // Workers map the class-data-sharing archive, or nothing; no reason to fail a test run.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run ended first: the next one records it
        }
    }
}
