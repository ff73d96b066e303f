package dev.isolane.core.run;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.isolane.core.InvalidConfigException;
import dev.isolane.core.ReportOptions;
import dev.isolane.core.RunLog;
import dev.isolane.core.model.Totals;
import dev.isolane.core.report.HtmlReport;
import dev.isolane.core.report.JsonReport;
import dev.isolane.core.report.JsonReport.ClassEntry;
import dev.isolane.core.report.JsonReport.Document;
import dev.isolane.core.report.ReportMerger;
import dev.isolane.core.report.ShardCoverage;
import dev.isolane.core.report.SurefireXmlReport;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The reports of one or more runs as one: what {@code isolane:report} does, in CI to merge the reports of several
 * machines or shards. Finds the {@code isolane-report.json} files, merges them ({@link ReportMerger}) and writes the
 * merged JSON, the {@code TEST-*.xml} files and the HTML page.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Reports {

    private static final String PARAMETER = "reports";

    private Reports() {}

    /**
     * What a merge wrote.
     *
     * @param files    the reports merged, in order
     * @param classes  class entries in the merged report (a class run twice counts twice)
     * @param totals   the tests of every run, added
     * @param repeated classes that more than one run ran
     * @param html     the page written
     */
    public record Merged(List<Path> files, int classes, Totals totals, List<String> repeated, Path html) {}

    /**
     * The report files that entries name: a file; a directory, searched for {@code isolane-report.json} files at any
     * depth; or a glob ({@code shards/*}{@code /isolane-report.json}, {@code **} across directories), relative to
     * {@code base}. Found files inside {@code skipDirectory} (where the merge goes) are left out, so an earlier merge
     * is not merged again; a file named exactly is always kept.
     *
     * @throws InvalidConfigException when no entry is given, or one finds no report
     */
    public static List<Path> find(List<String> entries, Path base, Path skipDirectory) {
        List<String> given = entries.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        if (given.isEmpty()) {
            throw new InvalidConfigException(PARAMETER, "", "Name the isolane-report.json files to merge: files,"
                    + " directories or globs, separated by commas, such as -Disolane.reports=shard-*/target/isolane-reports.");
        }
        Path skip = skipDirectory == null ? null : skipDirectory.toAbsolutePath().normalize();
        Set<Path> found = new LinkedHashSet<>();
        for (String entry : given) {
            List<Path> matches = matches(entry, base.toAbsolutePath().normalize());
            // Named exactly (the file, or the output directory itself: regenerating one run's page), it stays.
            Path named = base.toAbsolutePath().resolve(entry).normalize();
            boolean exact = Files.isRegularFile(named) || named.equals(skip);
            List<Path> kept = exact ? matches : matches.stream().filter(file -> skip == null
                    || !file.getParent().equals(skip)).toList();
            if (kept.isEmpty()) {
                throw new InvalidConfigException(PARAMETER, entry, "It matches no " + JsonReport.FILE_NAME + " (looked"
                        + " for from " + base + (matches.isEmpty() ? "" : ", leaving out the output directory " + skip)
                        + "). Name report files, directories holding them, or globs; isolane:test writes one in its"
                        + " reportsDirectory.");
            }
            found.addAll(kept);
        }
        return List.copyOf(found);
    }

    private static List<Path> matches(String entry, Path base) {
        if (!entry.contains("*") && !entry.contains("?") && !entry.contains("[") && !entry.contains("{")) {
            Path path = base.resolve(entry).normalize();
            if (Files.isRegularFile(path)) {
                return List.of(path);
            }
            return Files.isDirectory(path) ? walk(path) : List.of();
        }
        // The glob's directories before its first wildcard are where the search starts.
        Path pattern = base.resolve(entry).normalize();
        Path root = pattern.getRoot();
        for (Path part : pattern) {
            String name = part.toString();
            if (name.contains("*") || name.contains("?") || name.contains("[") || name.contains("{")) {
                break;
            }
            root = root == null ? part : root.resolve(part);
        }
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        // The directory part is taken literally (it may hold a glob's special characters), the rest as the glob.
        String glob = escaped(root.toString()) + (root.toString().endsWith(root.getFileSystem().getSeparator())
                ? "" : "/") + root.relativize(pattern).toString().replace('\\', '/');
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(matcher::matches).forEach(path -> {
                if (Files.isRegularFile(path)) {
                    found.add(path);
                } else if (Files.isDirectory(path)) {
                    found.addAll(walk(path));
                }
            });
        } catch (IOException e) {
            throw new InvalidConfigException(PARAMETER, entry, "Its directories cannot be read (" + e + ").");
        }
        return found.stream().distinct().sorted().toList();
    }

    private static String escaped(String literal) {
        StringBuilder out = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("*?[]{}".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<Path> walk(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().equals(JsonReport.FILE_NAME))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidConfigException(PARAMETER, directory, "It cannot be read (" + e + ").");
        }
    }

    /**
     * Merge the reports and write {@code isolane-report.json}, {@code TEST-*.xml} and {@code isolane-report.html}
     * into {@code directory}. A class that more than one run ran gets an XML file per run, named with its run
     * ({@code TEST-com.acme.FooTest-run2.xml}). The XML files are not written into the directory of one of the
     * reports: that run's own are more complete than what its JSON keeps.
     *
     * @throws InvalidConfigException when a file is not an Isolane report, naming it; nothing is written then
     */
    public static Merged merge(List<Path> files, Path directory, RunLog log) throws IOException {
        List<ReportMerger.Input> inputs = new ArrayList<>();
        for (Path file : files) {
            try {
                inputs.add(new ReportMerger.Input(file.toString(), JsonReport.read(file)));
            } catch (JsonReport.UnreadableReport e) {
                throw new InvalidConfigException(PARAMETER, file, e.getMessage());
            } catch (IOException e) {
                throw new InvalidConfigException(PARAMETER, file, "It cannot be read (" + e + ").");
            }
        }
        checkShards(inputs);
        Document merged = ReportMerger.merge(inputs);
        Files.createDirectories(directory);
        Path out = directory.toAbsolutePath().normalize();
        boolean ownDirectory = files.stream().anyMatch(file -> file.toAbsolutePath().normalize().getParent().equals(out));
        if (!ownDirectory) {
            writeXml(merged, directory);
        } else {
            log.info("Leaving the TEST-*.xml files in " + directory + " as their run wrote them");
        }
        JsonReport.write(directory, merged);
        Path html = HtmlReport.write(directory, merged, List.of());
        List<String> repeated = merged.repeatedClasses() == null ? List.of()
                : merged.repeatedClasses().stream().map(JsonReport.RepeatedClass::className).toList();
        Totals totals = new Totals(merged.totals().tests(), merged.totals().passed(), merged.totals().failed(),
                merged.totals().errors(), merged.totals().skipped(), merged.totals().flakes());
        log.info("Merged " + files.size() + " report" + (files.size() == 1 ? "" : "s") + " ("
                + (merged.isMerged() ? merged.runs().size() : 1) + " run" + (merged.isMerged()
                && merged.runs().size() != 1 ? "s" : "") + ", " + merged.classes().size() + " classes): "
                + totals.surefireLine());
        repeated.forEach(name -> log.warn(name + " ran in more than one run; each run's results are kept"));
        log.info("Report: " + html);
        return new Merged(List.copyOf(files), merged.classes().size(), totals, repeated, html);
    }

    /** Shards' reports must hold each shard of each suite once; otherwise nothing is written. */
    private static void checkShards(List<ReportMerger.Input> inputs) {
        List<ShardCoverage.Entry> entries = new ArrayList<>();
        for (ReportMerger.Input input : inputs) {
            try {
                entries.addAll(ShardCoverage.entries(input.source(), input.document()));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(PARAMETER, input.source(), "Its shard is not one (" + e.getMessage()
                        + "); name the isolane-report.json files that isolane:test wrote.");
            }
        }
        List<String> problems = ShardCoverage.problems(entries);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(PARAMETER, String.join(", ", inputs.stream()
                    .map(ReportMerger.Input::source).toList()), "These shards' reports do not make each suite"
                    + " once, so nothing was merged. " + String.join(" ", problems));
        }
    }

    private static void writeXml(Document merged, Path directory) throws IOException {
        Set<String> repeated = new HashSet<>();
        if (merged.repeatedClasses() != null) {
            merged.repeatedClasses().forEach(r -> repeated.add(r.className()));
        }
        for (ClassEntry entry : merged.classes()) {
            String start = merged.isMerged() && entry.run() != null
                    ? merged.runs().get(entry.run() - 1).startedAt() : merged.startedAt();
            long origin = JsonReport.instant(start).toEpochMilli();
            ReportOptions options = repeated.contains(entry.className())
                    ? new ReportOptions("run" + entry.run(), true, true, true, true) : ReportOptions.DEFAULTS;
            SurefireXmlReport.write(directory, JsonReport.classResult(entry, origin), options);
        }
    }
}
