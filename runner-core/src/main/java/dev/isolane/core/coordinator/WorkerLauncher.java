package dev.isolane.core.coordinator;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunLog;
import dev.isolane.core.agent.AgentJar;
import dev.isolane.core.launch.ArgumentFile;
import dev.isolane.core.launch.LeanJvm;
import dev.isolane.core.launch.WorkerArguments;
import dev.isolane.core.launch.WorkerCommand;
import dev.isolane.core.launch.WorkerEnvironment;
import dev.isolane.core.launch.WorkerServer;
import dev.isolane.core.model.Lane;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Starts worker JVMs for a run. JVM options and the classpath go into one argument file per run and fork number;
 * the per-worker arguments follow on the command line. {@code ${surefire.forkNumber}} in the argLine, system
 * properties, environment and working directory becomes the worker's number.
 */
final class WorkerLauncher {

    /** The variables through which the java launcher takes options besides its command line. */
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private final RunConfig config;
    private final WorkerServer server;
    private final RunLog log;
    private final Map<Integer, Path> argFiles = new ConcurrentHashMap<>();
    private final Path agentJar;
    private final Path runDirectory;
    private final StartupArchives archives;
    /** The module path of a modular project's tests ({@code useModulePath}); empty on the class path. */
    private final Optional<ModularClasspath> modular;

    WorkerLauncher(RunConfig config, WorkerServer server, Path runDirectory, RunLog log) throws IOException {
        this.config = config;
        this.server = server;
        this.log = log;
        this.runDirectory = runDirectory;
        this.agentJar = AgentJar.write(runDirectory);
        this.archives = StartupArchives.prepare(config, log);
        this.modular = modular(config);
        modular.ifPresent(module -> log.info("Tests run on the module path, patched into module "
                + module.moduleName() + " (useModulePath)"));
    }

    /**
     * Start a worker JVM.
     *
     * @param forkNumber    the number {@code ${surefire.forkNumber}} stands for in this JVM
     * @param agentFeatures what the worker's agent does ({@link dev.isolane.core.agent.WorkerAgent}); none, no agent
     * @param lean          whether to start it with {@link LeanJvm}'s options; every other JVM keeps the JDK's
     *                      defaults, as Surefire's fork does
     * @param scratch       the worker's own directory
     */
    Process start(String workerId, Lane lane, int threads, int forkNumber, List<String> agentFeatures, boolean lean,
            Path logFile, Path scratch) throws IOException {
        List<String> options = new ArrayList<>();
        // A native crash report goes beside the worker logs, not into the project; the user's argLine may override.
        options.add("-XX:ErrorFile=" + runDirectory.resolve("hs_err_pid%p.log"));
        options.addAll(archives.options(!agentFeatures.isEmpty()));
        // Only lean JVMs get a collector chosen. The shared JVM was tried on the parallel collector, which spared the
        // classes beside one allocating huge arrays G1's stalls, but its old generation cannot hold an array G1
        // places: commons-text's testOutOfMemoryError2 (4 GiB of a 6 GiB heap) passed under Surefire and skipped.
        if (lean) {
            options.addAll(LeanJvm.options(userOptions(config)));
        }
        options.add("@" + argFile(forkNumber));
        if (!agentFeatures.isEmpty()) {
            options.add("-javaagent:" + agentJar + "=" + String.join(",", agentFeatures));
        }
        Path directory = Path.of(withForkNumber(config.workingDirectory().toString(), forkNumber));
        Files.createDirectories(directory);
        Map<String, String> environment = new LinkedHashMap<>();
        config.environment().forEach((key, value) -> environment.put(key, withForkNumber(value, forkNumber)));
        WorkerCommand command = new WorkerCommand(config.javaExecutable(), options,
                new WorkerArguments(server.port(), workerId, lane, threads, ProcessHandle.current().pid()),
                new WorkerEnvironment(server.secret(), scratch), environment, directory);
        return command.processBuilder(config.excludedEnvironmentVariables())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
    }

    /** Every option the user gives worker JVMs: the argLine and the launcher's option variables. */
    static String userOptions(RunConfig config) {
        StringBuilder options = new StringBuilder(config.argLine());
        for (String variable : OPTION_VARIABLES) {
            String value = config.environment().containsKey(variable) ? config.environment().get(variable)
                    : config.excludedEnvironmentVariables().contains(variable) ? null : System.getenv(variable);
            if (value != null) {
                options.append(' ').append(value);
            }
        }
        return options.toString();
    }

    private Path argFile(int forkNumber) throws IOException {
        Path file = argFiles.get(forkNumber);
        if (file == null) {
            file = runDirectory.resolve("worker-" + forkNumber + ".args");
            Files.writeString(file, argFileContent(config, forkNumber, modular), StandardCharsets.UTF_8);
            argFiles.put(forkNumber, file);
        }
        return file;
    }

    /** Let an archive or cache still being recorded finish, so that the next run can use it. */
    void finish() throws InterruptedException {
        archives.awaitRecording(log);
    }

    static String withForkNumber(String text, int forkNumber) {
        return text.replace(RunConfig.FORK_NUMBER, String.valueOf(forkNumber));
    }

    static Optional<ModularClasspath> modular(RunConfig config) {
        return config.modulePatching() == null ? Optional.empty()
                : ModularClasspath.of(config.modulePatching(), WorkerArchive.order(config));
    }

    static String argFileContent(RunConfig config, int forkNumber) {
        return argFileContent(config, forkNumber, modular(config));
    }

    static String argFileContent(RunConfig config, int forkNumber, Optional<ModularClasspath> modular) {
        List<String> lines = new ArrayList<>();
        if (config.enableAssertions()) {
            lines.add("-ea"); // as Surefire does by default; an argLine -da still wins, coming later
        }
        if (!config.argLine().isBlank()) {
            lines.add(withForkNumber(config.argLine().trim(), forkNumber));
        }
        modular.ifPresent(module -> lines.addAll(module.options()));
        List<String> properties = new ArrayList<>();
        config.systemProperties().forEach((key, value) ->
                properties.add("-D" + key + "=" + withForkNumber(value, forkNumber)));
        if (modular.isEmpty()) { // as Surefire, which shows tests on the module path the JVM's own class path
            properties.add("-D" + ArgumentFile.TEST_CLASSPATH_PROPERTY + "=" + config.testClasspath().stream()
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        List<Path> classpath = modular.map(ModularClasspath::classPath).orElseGet(() -> WorkerArchive.order(config));
        return ArgumentFile.content(lines, properties, classpath.stream().map(Path::toString).toList());
    }
}
