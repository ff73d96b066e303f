package dev.isolane.core.coordinator;

import dev.isolane.core.RunConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A class-data-sharing archive of what every worker loads from Isolane's and JUnit's jars: thousands of classes and
 * lambda forms that each fresh JVM would otherwise load, verify and link again, most of an isolated class's cost.
 *
 * <p>The JDK archives classes from jars only, and the archive must be recorded on a prefix of the run-time class
 * path; so those jars go first on the worker class path ({@link #order}; the user's directories and other jars keep
 * their order after them), and {@code WarmUp} records the archive once per set of jars and JDK, in the background.
 * Workers started before it is ready, or on a JVM that refuses it, simply run without it.
 */
final class WorkerArchive {

    /** The jars that go first: Isolane's, and the JUnit family's, which nothing in a user's project shadows. */
    private static final Pattern SHAREABLE = Pattern.compile(
            "(isolane-.*|junit-platform-.*|junit-jupiter-.*|junit-vintage-.*|junit-4\\..*|opentest4j-.*"
                    + "|apiguardian-api-.*|hamcrest-core-.*)\\.jar");
    /** How long the end of a run waits for a recording still going; one takes a second or two. */
    private static final long FINISH_WAIT_MILLIS = 15_000;

    private final Path archive;
    private final List<Path> prefix;
    private volatile boolean ready;
    private Thread recorder;

    private WorkerArchive(Path archive, List<Path> prefix) {
        this.archive = archive;
        this.prefix = prefix;
        this.ready = archive != null && Files.isRegularFile(archive);
    }

    /** The worker class path: the shareable jars first, then everything else in the order the user gave it. */
    static List<Path> order(RunConfig config) {
        List<Path> first = new ArrayList<>(config.isolaneClasspath());
        List<Path> rest = new ArrayList<>();
        for (Path entry : config.testClasspath()) {
            (isShareable(entry) && !first.contains(entry) ? first : rest).add(entry);
        }
        first.addAll(rest);
        return first;
    }

    /** The prefix of {@link #order} the archive covers. */
    static List<Path> shareablePrefix(RunConfig config) {
        List<Path> prefix = new ArrayList<>();
        for (Path entry : order(config)) {
            if (!Files.isRegularFile(entry) || !(config.isolaneClasspath().contains(entry) || isShareable(entry))) {
                break;
            }
            prefix.add(entry);
        }
        return prefix;
    }

    private static boolean isShareable(Path entry) {
        return SHAREABLE.matcher(entry.getFileName().toString()).matches();
    }

    /**
     * The archive for this configuration, recorded now in the background when missing. Nothing is recorded when the
     * prefix holds no jar or when the configuration turned sharing off itself. The recording runs without the agent
     * (the JDK refuses to archive beside one); workers map the archive with their agent all the same.
     */
    static WorkerArchive prepare(RunConfig config) {
        List<Path> prefix = shareablePrefix(config);
        if (prefix.isEmpty() || config.argLine().contains("-Xshare:off")
                || config.argLine().contains("SharedArchiveFile")) {
            return new WorkerArchive(null, prefix);
        }
        Path directory = config.workDirectory().resolve("cds");
        Path archive = directory.resolve("workers-" + key(config, prefix) + ".jsa");
        WorkerArchive workerArchive = new WorkerArchive(archive, prefix);
        if (!workerArchive.ready) {
            workerArchive.recorder = new Thread(() -> workerArchive.record(config),
                    "isolane-cds-recorder");
            workerArchive.recorder.setDaemon(true);
            workerArchive.recorder.start();
        }
        return workerArchive;
    }

    /** JVM options that map the archive, once it is ready; none before. */
    List<String> options() {
        if (!ready) {
            return List.of();
        }
        // A JVM that cannot use it (another JDK build, a changed jar) runs without it; no need to say so in its log.
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off");
    }

    /**
     * Called at the end of a run: a run shorter than the recording would otherwise leave Maven before the finished
     * archive is moved into place, and the next run would record it all over again.
     */
    void awaitRecording() throws InterruptedException {
        if (recorder != null) {
            recorder.join(FINISH_WAIT_MILLIS);
        }
    }

    boolean isReady() {
        return ready;
    }

    private void record(RunConfig config) {
        try {
            ready = WarmUpRecording.record(config, prefix, List.of("-XX:ArchiveClassesAtExit=%s",
                    "-Xlog:cds=off,cds+dynamic=off"), archive, "recording.log");
        } catch (IOException | RuntimeException e) {
            // Workers run without an archive; a warm-up that cannot run is no reason to fail a test run.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Names the jars (path, size, time) and the JDK, so a changed jar or JDK gets an archive of its own. */
    static String key(RunConfig config, List<Path> prefix) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Path java = config.javaExecutable().toRealPath();
            List<Path> identity = new ArrayList<>(prefix);
            identity.add(java);
            identity.add(java.getParent().getParent().resolve("lib/modules"));
            for (Path file : identity) {
                String stamp = file + "|" + (Files.exists(file) ? Files.size(file) + "|"
                        + Files.getLastModifiedTime(file).toMillis() : "-") + "\n";
                digest.update(stamp.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unkeyed";
        }
    }
}
