package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The whole launch of one worker JVM: {@code java <options> <main class> <arguments>}, with the worker's environment,
 * in a working directory. Long or repeated options (the class path) belong in an {@link ArgumentFile} named among
 * the options as {@code @file}.
 *
 * @param java        the {@code java} launcher
 * @param jvmOptions  JVM options, one argument each
 * @param arguments   the worker's own arguments
 * @param environment the worker's secret and scratch directory
 * @param userEnvironment variables the user asked for, set before the worker's own
 * @param directory   the working directory
 */
@API(status = INTERNAL, since = "0.1")
public record WorkerCommand(Path java, List<String> jvmOptions, WorkerArguments arguments,
        WorkerEnvironment environment, Map<String, String> userEnvironment, Path directory) {

    public WorkerCommand {
        jvmOptions = List.copyOf(jvmOptions);
        userEnvironment = Map.copyOf(userEnvironment);
    }

    public List<String> commandLine() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add(WorkerArguments.MAIN_CLASS);
        command.addAll(arguments.toList());
        return command;
    }

    /**
     * A process builder for this command; the caller decides where the JVM's own output goes. Its standard input is
     * empty, as an IDE or a CI job gives a test: a test that reads {@code System.in} gets the end of the stream at
     * once instead of waiting for ever on a pipe nobody writes.
     */
    public ProcessBuilder processBuilder() {
        return processBuilder(List.of());
    }

    /**
     * A process builder for this command whose environment lacks the variables named in {@code excluded}, inherited
     * or the user's own (as Surefire's {@code excludedEnvironmentVariables}); the worker's own are always set.
     */
    public ProcessBuilder processBuilder(Collection<String> excluded) {
        ProcessBuilder builder = new ProcessBuilder(commandLine()).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(userEnvironment);
        builder.environment().keySet().removeAll(excluded);
        environment.applyTo(builder.environment());
        return builder;
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "NUL"
                : "/dev/null");
    }
}
