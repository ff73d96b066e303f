package dev.isolane.maven.it;

import dev.isolane.testing.Await;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs real Maven on a copy of a project under {@code src/it/projects}, with the Isolane artifacts that
 * {@code invoker:install} staged in {@code target/it-repo}. Third-party artifacts come from the outer build's local
 * repository, declared as a file repository, and from Maven Central when it lacks them.
 */
public final class MavenBuild {

    /** The CI variables the run goals read a shard from; a test sets them with {@link #env} when it means to. */
    private static final List<String> SHARD_VARIABLES = List.of("CI_NODE_INDEX", "CI_NODE_TOTAL",
            "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT",
            "TEST_SHARD_INDEX", "TEST_TOTAL_SHARDS", "TEST_SHARD_STATUS_FILE");

    private final String projectName;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(5);
    private boolean resetSigint;
    /** Whether the harness's own options go in the project's {@code .mvn/maven.config} rather than the command. */
    private boolean optionsInProject;
    /** Columns of the terminal Maven runs on, or 0 to run it in batch mode with its output to a file. */
    private int terminalColumns;
    private Path mavenHome = Path.of(property("it.mavenHome"));

    private MavenBuild(String projectName) {
        this.projectName = projectName;
    }

    public static MavenBuild project(String name) {
        return new MavenBuild(name);
    }

    /** Maven arguments (goals, -D properties); {@code verify} when none is given. */
    public MavenBuild args(String... more) {
        arguments.addAll(List.of(more));
        return this;
    }

    /** An environment variable for Maven, such as {@code MAVEN_OPTS}. */
    public MavenBuild env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Run this Maven version instead of the one running the outer build: one of the distributions the build unpacked
     * into {@code target/mavens} ({@code it.maven38.version}, {@code it.maven39.version}, {@code it.maven4.version}).
     */
    public MavenBuild maven(String version) {
        mavenHome = Path.of(property("it.mavens"), "apache-maven-" + version);
        if (!Files.isDirectory(mavenHome)) {
            throw new IllegalStateException("no Maven " + version + " in " + mavenHome + "; the build's"
                    + " pre-integration-test phase unpacks it (maven-dependency-plugin, unpack-maven-distributions)");
        }
        return this;
    }

    public MavenBuild timeout(Duration value) {
        timeout = value;
        return this;
    }

    /**
     * Make sure SIGINT stops the Maven this starts, for a test that sends it. A build started with SIGINT ignored (a
     * background job of a non-interactive shell, {@code nohup}, some CI runners) passes that on to this JVM and from
     * here to Maven, whose JVM then installs no handler and never stops. Maven then starts through {@code perl},
     * which resets SIGINT to its default action before it execs {@code mvn}; without perl the test is skipped,
     * saying why.
     */
    public MavenBuild interruptible() {
        resetSigint = sigintIgnoredHere();
        if (resetSigint) {
            Assumptions.assumeTrue(onPath("perl"), "SIGINT is ignored in this JVM, inherited from whatever started"
                    + " the build (a background job, nohup, a CI runner), so Maven would never see Ctrl-C; no perl"
                    + " is on the PATH to reset it. Run the build in the foreground or install perl to run this test.");
        }
        return this;
    }

    /**
     * Run Maven as a person does at a terminal: not in batch mode, on a pseudo-terminal that util-linux's {@code
     * script} opens (its output, escapes and all, is the log), with {@code COLUMNS} set. The process started is
     * {@code script}, not Maven's JVM. Without {@code script} the test is skipped, saying why.
     */
    public MavenBuild onTerminal(int columns) {
        Assumptions.assumeTrue(onPath("script"), "No 'script' (util-linux) on the PATH to give Maven a"
                + " pseudo-terminal; install util-linux (Debian's bsdutils) to run this test.");
        terminalColumns = columns;
        return env("COLUMNS", String.valueOf(columns));
    }

    /**
     * Put the harness's options (batch mode, settings, local repository) in the project's {@code .mvn/maven.config},
     * so that the command line a report shows is the one a user would type.
     */
    public MavenBuild optionsInProject() {
        optionsInProject = true;
        return this;
    }

    /** Copy the project (so runs never share a target directory) and run Maven on the copy. */
    public BuildResult run() {
        Path directory = copyProject();
        return runIn(directory);
    }

    /** Run Maven again in a directory an earlier run prepared. */
    public BuildResult runIn(Path directory) {
        return start(directory).await();
    }

    /** Start Maven on a fresh copy of the project without waiting, for tests that interrupt or kill it. */
    public Running start() {
        return start(copyProject());
    }

    private Running start(Path directory) {
        List<String> command = new ArrayList<>();
        if (resetSigint) {
            // exec keeps the PID, so signals sent to the process started here reach Maven's JVM.
            command.addAll(List.of("perl", "-e",
                    "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"cannot run $ARGV[0]: $!\\n\";", "--"));
        }
        List<String> maven = new ArrayList<>();
        maven.add(mavenExecutable(mavenHome).toString());
        if (terminalColumns == 0) {
            maven.add("-B");
        }
        maven.addAll(List.of("-ntp", "--settings=" + settingsFile(), "-Dmaven.repo.local=" + property("it.repo")));
        if (optionsInProject) { // one word a line, as every Maven version reads the file
            try {
                Files.createDirectories(directory.resolve(".mvn"));
                Files.write(directory.resolve(".mvn/maven.config"), maven.subList(1, maven.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            maven.subList(1, maven.size()).clear();
        }
        maven.addAll(arguments.isEmpty() ? List.of("verify") : arguments);
        if (terminalColumns > 0) {
            // -q: no "Script started" lines; -e: Maven's exit code; -f: every write as it comes.
            command.addAll(List.of("script", "-qefc", String.join(" ", maven.stream().map(MavenBuild::quoted)
                    .toList()), "/dev/null"));
        } else {
            command.addAll(maven);
        }
        Path log = directory.resolve("build.log");
        try {
            // The mvn script execs java, so this process is the Maven JVM itself.
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // A CI that splits its own jobs (GitLab's parallel:, say) must not make these builds run one shard only.
            SHARD_VARIABLES.forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            return new Running(builder.start(), directory, log, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Maven build in progress. */
    public record Running(Process process, Path directory, Path log, Duration timeout) {

        /** Wait for the build to end and collect what it left. */
        public BuildResult await() {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    stop();
                    throw new AssertionError("Maven did not finish within " + timeout + " in " + directory + ":\n"
                            + Files.readString(log));
                }
                return new BuildResult(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), directory,
                        process.pid());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /**
         * Wait for a file the build's tests write (a PID, say) and return what it holds once it is not blank. Fails
         * with the log if Maven ends first or the time runs out; Maven is stopped then, so nothing is left running.
         */
        public String awaitFile(Path file, Duration limit) {
            try {
                Await.until(limit, "the build to write " + file, () -> {
                    if (!readIfPresent(file).isBlank()) {
                        return true;
                    }
                    if (!process.isAlive()) {
                        throw new AssertionError("Maven ended (exit code " + process.exitValue() + ") before it wrote "
                                + file);
                    }
                    return false;
                });
                return readIfPresent(file);
            } catch (AssertionError e) {
                stop();
                throw new AssertionError(e.getMessage() + "; Maven's log:\n" + logSoFar(), e);
            }
        }

        private static String readIfPresent(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file) : "";
            } catch (IOException e) {
                return ""; // being written
            }
        }

        /** Kill Maven and whatever it started. */
        private void stop() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        /** The log so far. */
        public String logSoFar() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** Send a signal, as a terminal's Ctrl-C (INT) or an OOM killer (KILL) would. */
        public void signal(String name) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
                if (kill.waitFor() != 0) {
                    throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Copy {@code src/it/projects/<name>} to a new {@code target/it/<name>-*}, filling in {@code @property@} tokens. */
    public Path copyProject() {
        Path source = Path.of(property("it.projects")).resolve(projectName);
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("no integration-test project " + source);
        }
        Path target;
        try {
            Path workspace = Files.createDirectories(Path.of(property("it.workspace")));
            target = Files.createTempDirectory(workspace, projectName + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy); // the root exists already
                } else if (file.getFileName().toString().equals("pom.xml")) {
                    Files.writeString(copy, filter(Files.readString(file)));
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static String filter(String text) {
        for (Map.Entry<Object, Object> entry : System.getProperties().entrySet()) {
            String key = entry.getKey().toString();
            if (key.startsWith("it.") || key.equals("isolane.version")) {
                text = text.replace("@" + key + "@", entry.getValue().toString());
            }
        }
        return text;
    }

    /** Whether a process, a worker JVM whose PID a test recorded say, is still running. */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether this JVM ignores SIGINT. Linux says so in /proc; elsewhere it is taken to be handled as usual. */
    private static boolean sigintIgnoredHere() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            long sigint = 1L << (2 - 1); // the mask's bit for signal 2
            return lines.filter(line -> line.startsWith("SigIgn:"))
                    .anyMatch(line -> (Long.parseUnsignedLong(line.substring(7).trim(), 16) & sigint) != 0);
        } catch (IOException | UncheckedIOException noProc) {
            return false;
        }
    }

    /** A word for {@code sh -c}, as it is. */
    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static Path mavenExecutable(Path home) {
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        return home.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
    }

    /** Settings that add the outer build's local repository as a remote one, so nothing is downloaded twice. */
    private static synchronized Path settingsFile() {
        Path settings = Path.of(property("it.workspace"), "settings.xml");
        if (Files.exists(settings)) {
            return settings;
        }
        String outer = Path.of(property("it.outerRepo")).toUri().toString();
        String repository = "<id>outer-local</id><url>" + outer + "</url>"
                + "<releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots>";
        String xml = "<settings><profiles><profile><id>it</id>"
                + "<repositories><repository>" + repository + "</repository></repositories>"
                + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>it</activeProfile></activeProfiles></settings>";
        try {
            Files.createDirectories(settings.getParent());
            Files.writeString(settings, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the integration tests"
                    + " through Maven (mvn verify), which sets it");
        }
        return value;
    }
}
