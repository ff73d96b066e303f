package dev.isolane.maven.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** What a Maven run left behind: its exit code, its log, and the project directory with the reports. */
public record BuildResult(int exitCode, String log, Path directory, long mavenPid) {

    public Path reports() {
        return directory.resolve("target/isolane-reports");
    }

    public JsonObject jsonReport() {
        try {
            return JsonParser.parseString(Files.readString(reports().resolve("isolane-report.json")))
                    .getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("no JSON report; build log:\n" + log, e);
        }
    }

    /** The JSON report's entry for one class. */
    public JsonObject jsonClass(String className) {
        for (JsonElement entry : jsonReport().getAsJsonArray("classes")) {
            if (entry.getAsJsonObject().get("className").getAsString().equals(className)) {
                return entry.getAsJsonObject();
            }
        }
        throw new AssertionError("class " + className + " is not in the JSON report");
    }

    public Document xmlReport(String className) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(reports().resolve("TEST-" + className + ".xml").toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read the XML report of " + className + ": " + e, e);
        }
    }

    public List<Path> xmlReports() {
        try (var files = Files.list(reports())) {
            return files.filter(f -> f.getFileName().toString().startsWith("TEST-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines each test class recorded with Recorder: class name to "pid thread start end [java.version]". */
    public Map<String, Record> records() {
        Map<String, Record> records = new LinkedHashMap<>();
        Path directory = this.directory.resolve("target/records");
        if (!Files.isDirectory(directory)) {
            return records;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String[] parts = Files.readString(file).trim().split(" ");
                String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
                records.put(name, new Record(Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2]),
                        Long.parseLong(parts[3]), parts.length > 4 ? parts[4] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** Log lines that contain the given text. */
    public List<String> logLines(String containing) {
        List<String> lines = new ArrayList<>();
        for (String line : log.split("\\R")) {
            if (line.contains(containing)) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Where and when a test class says it ran, and on which Java version (blank for projects that do not say). */
    public record Record(long pid, String thread, long startMillis, long endMillis, String javaVersion) {}

    @Override
    public String toString() {
        return "exit " + exitCode + " in " + directory;
    }
}
