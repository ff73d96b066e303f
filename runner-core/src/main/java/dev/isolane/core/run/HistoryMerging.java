package dev.isolane.core.run;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.RunLog;
import dev.isolane.core.history.History;
import dev.isolane.core.history.HistoryFile;
import dev.isolane.core.history.HistoryMerge;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Merges the history files the shards of a suite wrote into one history file, to be cached for the next run: the
 * files side of {@link HistoryMerge}. Inputs are paths or globs ({@code shards/*}{@code /history.json},
 * {@code **}{@code /.isolane/history.json}), relative to a base directory.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HistoryMerging {

    private HistoryMerging() {}

    /**
     * What a merge did.
     *
     * @param inputs  the files merged, in the order they were taken
     * @param classes how many classes the merged history holds
     */
    public record Result(List<Path> inputs, int classes) {}

    /**
     * Merge the files {@code patterns} name into {@code output} (which may be among them).
     *
     * @throws InvalidConfigException when no pattern is given or no file matches any, before anything is written
     */
    public static Result merge(Path base, List<String> patterns, Path output, RunLog log) throws IOException {
        List<String> given = patterns == null ? List.of()
                : patterns.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        if (given.isEmpty()) {
            throw new InvalidConfigException("histories", "", "Name the shards' history files, as paths or globs"
                    + " relative to " + base + ", such as -Disolane.histories=shards/*/history.json.");
        }
        List<Path> inputs = find(base, given, log);
        if (inputs.isEmpty()) {
            throw new InvalidConfigException("histories", String.join(",", given), "No file matches it under " + base
                    + ". Point it at the history files the shards wrote (their historyFile, by default"
                    + " .isolane/history.json), as paths or globs such as shards/*/history.json.");
        }
        List<History> histories = new ArrayList<>();
        for (Path input : inputs) {
            histories.add(HistoryFile.read(input, log));
        }
        History merged = HistoryMerge.merge(histories);
        HistoryFile.write(output, merged);
        log.info("Merged " + inputs.size() + " history file" + (inputs.size() == 1 ? "" : "s") + " into " + output
                + ": " + merged.classes().size() + " classes, each as it ran last.");
        return new Result(inputs, merged.classes().size());
    }

    /** The files each pattern names, in the order of the patterns, each pattern's files by name; no file twice. */
    static List<Path> find(Path base, List<String> patterns, RunLog log) throws IOException {
        TreeSet<Path> seen = new TreeSet<>();
        List<Path> found = new ArrayList<>();
        for (String pattern : patterns) {
            List<Path> matches = matches(base, pattern);
            if (matches.isEmpty()) {
                log.warn("No history file matches " + pattern + " under " + base + "; a shard that wrote none is"
                        + " left out of the merge.");
            }
            for (Path match : matches) {
                if (seen.add(match)) {
                    found.add(match);
                }
            }
        }
        return found;
    }

    private static List<Path> matches(Path base, String pattern) throws IOException {
        Path absolute = base.resolve(pattern.replace('\\', '/')).normalize();
        if (!hasGlob(pattern)) {
            return Files.isRegularFile(absolute) ? List.of(absolute) : List.of();
        }
        // Walk from the deepest directory the pattern names without a wildcard.
        Path root = absolute.getRoot();
        for (Path part : absolute) {
            if (hasGlob(part.toString())) {
                break;
            }
            root = root == null ? part : root.resolve(part);
        }
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
        }
    }

    private static boolean hasGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
