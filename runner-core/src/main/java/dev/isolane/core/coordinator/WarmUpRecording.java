package dev.isolane.core.coordinator;

import dev.isolane.core.RunConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One run of {@code WarmUp} on the archivable prefix of the worker class path, with the JDK options that make it
 * record what it loaded: the class-data-sharing archive or the AOT cache. The file is recorded under a temporary name
 * and moved into place only when the JVM exited cleanly, so a worker never maps half an archive.
 */
final class WarmUpRecording {

    private static final long RECORD_TIMEOUT_SECONDS = 120;

    private WarmUpRecording() {}

    /**
     * @param recordOptions the options that record into the file {@code %s} stands for
     * @return whether {@code target} now holds a finished recording; false when the JVM failed to record one
     * @throws IOException when the warm-up could not run, or not in time
     */
    static boolean record(RunConfig config, List<Path> prefix, List<String> recordOptions, Path target, String log)
            throws IOException, InterruptedException {
        Path directory = target.getParent();
        Files.createDirectories(directory);
        String suffix = target.getFileName().toString().substring(target.getFileName().toString().lastIndexOf('.'));
        Path partial = Files.createTempFile(directory, "recording-", suffix);
        Files.delete(partial); // the JVM creates it
        try {
            List<String> command = new ArrayList<>(List.of(config.javaExecutable().toString()));
            recordOptions.forEach(option -> command.add(option.formatted(partial)));
            command.addAll(List.of("-cp", prefix.stream().map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)), "dev.isolane.core.worker.WarmUp"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve(log).toFile())
                    .start();
            if (!process.waitFor(RECORD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                // A busy machine, not a JDK that cannot record: the next run tries again.
                throw new IOException("the warm-up did not finish within " + RECORD_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            return false;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
