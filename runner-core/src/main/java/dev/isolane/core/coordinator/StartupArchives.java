package dev.isolane.core.coordinator;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunLog;
import dev.isolane.core.launch.JavaRelease;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What spares a worker JVM loading Isolane's and JUnit's classes again, chosen by the worker JDK: the
 * class-data-sharing archive ({@link WorkerArchive}) on every JDK, and from Java 25 the AOT cache ({@link AotCache})
 * for workers without an agent, which gets more from the same warm-up. What the argLine rules out is said once, when
 * the run starts, and costs the workers nothing: they simply start without it.
 */
final class StartupArchives {

    /** Options with which the user chose class-data sharing for themselves, or none. */
    private static final Pattern OWN_SHARING = Pattern.compile("-Xshare:off|-XX:SharedArchiveFile"
            + "|-XX:ArchiveClassesAtExit|-XX:AOTCache\\w*|-XX:AOTMode|-XX:AOTConfiguration");
    /** A JVMTI agent: the JDK maps no AOT cache whose classes are linked ahead of time beside one. */
    private static final Pattern AGENT = Pattern.compile("-javaagent:|-agentpath:|-agentlib:");

    private final WorkerArchive archive;
    private final AotCache cache;

    private StartupArchives(WorkerArchive archive, AotCache cache) {
        this.archive = archive;
        this.cache = cache;
    }

    static StartupArchives prepare(RunConfig config, RunLog log) {
        Optional<String> own = firstMatch(OWN_SHARING, config.argLine());
        if (own.isPresent()) {
            log.info("Worker JVMs start without Isolane's class-data-sharing archive or AOT cache: the argLine sets "
                    + own.get() + " itself. Leave it out to let isolated JVMs start faster.");
            return new StartupArchives(null, null);
        }
        WorkerArchive archive = WorkerArchive.prepare(config);
        int feature = JavaRelease.feature(config.javaExecutable());
        List<Path> prefix = WorkerArchive.shareablePrefix(config);
        if (feature < AotCache.FIRST_FEATURE || prefix.isEmpty()) {
            return new StartupArchives(archive, null);
        }
        Optional<String> agent = firstMatch(AGENT, config.argLine());
        if (agent.isPresent()) {
            log.info("Isolated JVMs map Isolane's class-data-sharing archive rather than the Java " + feature
                    + " AOT cache: the JDK maps no AOT cache beside the agent the argLine loads (" + agent.get()
                    + "...).");
            return new StartupArchives(archive, null);
        }
        return new StartupArchives(archive, AotCache.prepare(config, prefix));
    }

    /**
     * The options of a worker JVM: the AOT cache for one without an agent, once recorded; else the archive, once
     * recorded; else none.
     *
     * @param agent whether the worker loads Isolane's agent
     */
    List<String> options(boolean agent) {
        if (!agent && cache != null && cache.isReady()) {
            return cache.options();
        }
        return archive == null ? List.of() : archive.options();
    }

    /**
     * Let a recording still going finish, so that the next run can use it; say so when the JDK could not record the
     * AOT cache (it is not asked again).
     */
    void awaitRecording(RunLog log) throws InterruptedException {
        if (archive != null) {
            archive.awaitRecording();
        }
        if (cache != null) {
            cache.awaitRecording();
            if (cache.hasFailed()) {
                log.info("The worker JDK could not record an AOT cache (" + cache.recordingLog() + " says why);"
                        + " isolated JVMs start with Isolane's class-data-sharing archive instead.");
            }
        }
    }

    private static Optional<String> firstMatch(Pattern pattern, String argLine) {
        Matcher matcher = pattern.matcher(argLine);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
