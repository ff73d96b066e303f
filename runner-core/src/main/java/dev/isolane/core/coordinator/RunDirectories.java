package dev.isolane.core.coordinator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-run directories under the work directory ({@code run-<coordinator pid>-<random>}: worker argument files,
 * logs, crash reports). The last runs' stay for the user to read; those of coordinators no longer alive go when the
 * next run starts, so that they do not pile up in {@code target/} over a day of builds.
 */
final class RunDirectories {

    private static final Pattern NAME = Pattern.compile("run-(\\d+)-.*");

    private RunDirectories() {}

    /** A fresh directory for a run of this JVM; two runs in one JVM ({@code mvn -T2}) get one each. */
    static Path create(Path workDirectory) throws IOException {
        removeStale(workDirectory, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        return Files.createTempDirectory(Files.createDirectories(workDirectory),
                "run-" + ProcessHandle.current().pid() + "-");
    }

    /** Delete the run directories whose coordinator is not alive; another live run's are left alone. */
    static void removeStale(Path workDirectory, LongPredicate alive) {
        if (!Files.isDirectory(workDirectory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(workDirectory)) {
            for (Path entry : entries.toList()) {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                if (Files.isDirectory(entry) && name.matches() && !alive.test(Long.parseLong(name.group(1)))) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // an old directory left in target/ is harmless
        }
    }

    static void deleteTree(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // what is left in target/ is harmless
        }
    }
}
