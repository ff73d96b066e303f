package dev.isolane.core.coordinator;

import dev.isolane.core.RunConfig;
import dev.isolane.core.agent.AgentJar;
import dev.isolane.core.model.Lane;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Starts worker JVMs. JVM options and the classpath go into one argument file per run and fork number (no
 * command-line length limit, and a long classpath is written once); the per-worker arguments follow on the command
 * line. {@code ${surefire.forkNumber}} in the argLine, system properties, environment and working directory becomes
 * the worker's number.
 */
public final class WorkerLauncher {

    public static final String MAIN_CLASS = "dev.isolane.core.worker.WorkerMain";
    public static final String SECRET_VARIABLE = "ISOLANE_SECRET";
    public static final String SCRATCH_VARIABLE = "ISOLANE_WORKER_DIR";

    private final RunConfig config;
    private final WorkerServer server;
    private final Map<Integer, Path> argFiles = new ConcurrentHashMap<>();
    /**
     * JVM options for short-lived isolated workers, which spend most of their life starting: the JIT's first tier
     * only, compiled later than by default (a third of a trivial fork's CPU went to compiling start-up code it ran a
     * few times; the benchmark's flags mode measured 16% less CPU per fork at three times the thresholds, and less
     * at ten), the serial collector (no GC threads to start) and no performance-counter file. They go before the
     * user's argLine, which may override any of them.
     */
    static final List<String> LEAN_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=3",
            "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private final Path agentJar;
    private final Path runDirectory;
    private final WorkerArchive archive;

    WorkerLauncher(RunConfig config, WorkerServer server, Path runDirectory) throws IOException {
        this.config = config;
        this.server = server;
        this.runDirectory = runDirectory;
        this.agentJar = AgentJar.write(runDirectory);
        this.archive = WorkerArchive.prepare(config);
    }

    /**
     * Start a worker JVM.
     *
     * @param forkNumber    the number {@code ${surefire.forkNumber}} stands for in this JVM
     * @param agentFeatures what the worker's agent does ({@link dev.isolane.core.agent.WorkerAgent}); none, no agent
     * @param lean          whether to start it with {@link #LEAN_OPTIONS}
     * @param scratch       the worker's own directory, or null
     */
    Process start(String workerId, Lane lane, int threads, int forkNumber, List<String> agentFeatures, boolean lean,
            Path logFile, Path scratch) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(config.javaExecutable().toString());
        // A native crash report goes beside the worker logs, not into the project; the user's argLine may override.
        command.add("-XX:ErrorFile=" + runDirectory.resolve("hs_err_pid%p.log"));
        command.addAll(archive.options());
        if (lean) {
            command.addAll(LEAN_OPTIONS);
        }
        command.add("@" + argFile(forkNumber));
        if (!agentFeatures.isEmpty()) {
            command.add("-javaagent:" + agentJar + "=" + String.join(",", agentFeatures));
        }
        command.add(MAIN_CLASS);
        command.add(String.valueOf(server.port()));
        command.add(workerId);
        command.add(lane.label());
        command.add(String.valueOf(threads));
        command.add(String.valueOf(ProcessHandle.current().pid()));
        Path directory = Path.of(withForkNumber(config.workingDirectory().toString(), forkNumber));
        Files.createDirectories(directory);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> environment = builder.environment();
        config.environment().forEach((key, value) -> environment.put(key, withForkNumber(value, forkNumber)));
        environment.put(SECRET_VARIABLE, server.secret());
        if (scratch != null) {
            environment.put(SCRATCH_VARIABLE, scratch.toString());
        }
        return builder.start();
    }

    private Path argFile(int forkNumber) throws IOException {
        Path file = argFiles.get(forkNumber);
        if (file == null) {
            file = runDirectory.resolve("worker-" + forkNumber + ".args");
            Files.writeString(file, argFileContent(config, forkNumber), StandardCharsets.UTF_8);
            argFiles.put(forkNumber, file);
        }
        return file;
    }

    /** Let a class-data-sharing archive still being recorded finish, so that the next run can use it. */
    void finish() throws InterruptedException {
        archive.awaitRecording();
    }

    static String withForkNumber(String text, int forkNumber) {
        return text.replace(RunConfig.FORK_NUMBER, String.valueOf(forkNumber));
    }

    static String argFileContent(RunConfig config, int forkNumber) {
        StringBuilder text = new StringBuilder();
        if (config.enableAssertions()) {
            text.append("-ea\n"); // as Surefire does by default; an argLine -da still wins, coming later
        }
        if (!config.argLine().isBlank()) {
            // The user's argLine is already in command-line form, which is also argument-file form.
            text.append(withForkNumber(config.argLine().trim(), forkNumber)).append('\n');
        }
        config.systemProperties().forEach((key, value) ->
                text.append(quote("-D" + key + "=" + withForkNumber(value, forkNumber))).append('\n'));
        text.append("-cp\n");
        text.append(quote(WorkerArchive.order(config).stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)))).append('\n');
        return text.toString();
    }

    /** Quote one argument for a java argument file: inside quotes, backslash escapes. */
    public static String quote(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + '"';
    }
}
