package dev.isolane.maven;

import dev.isolane.core.InvalidConfigException;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Surefire's parameters whose values are files or nested text, read into the plain values a run takes. */
final class SurefireValues {

    /** The key of {@code properties} whose text holds JUnit Platform configuration parameters, as in Surefire 3.6. */
    static final String CONFIGURATION_PARAMETERS = "configurationParameters";
    /** Other keys of {@code properties} Surefire 3.6 passes on to JUnit as they are. */
    private static final List<String> PASSED_ON_PREFIXES = List.of("junit.vintage.execution.parallel", "testng.");

    private SurefireValues() {}

    /**
     * {@code includesFile}/{@code excludesFile}: one pattern a line; blank lines and lines starting with {@code #} are
     * left out, as in Surefire. Null for no file.
     */
    static List<String> patterns(String parameter, File file) {
        List<String> patterns = new ArrayList<>();
        if (file == null) {
            return patterns;
        }
        for (String line : lines(parameter, file)) {
            String pattern = line.trim();
            if (!pattern.isEmpty() && !pattern.startsWith("#")) {
                patterns.add(pattern);
            }
        }
        return patterns;
    }

    /** {@code systemPropertiesFile}: a properties file, in Java's properties format; empty for no file. */
    static Map<String, String> properties(String parameter, File file) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file.toPath(), StandardCharsets.ISO_8859_1)) {
                Properties loaded = new Properties();
                loaded.load(reader);
                loaded.stringPropertyNames().stream().sorted()
                        .forEach(name -> properties.put(name, loaded.getProperty(name)));
            } catch (IOException | IllegalArgumentException e) {
                throw unreadable(parameter, file, e);
            }
        }
        return properties;
    }

    /**
     * The JUnit configuration parameters of {@code properties}: the text of its {@code configurationParameters}
     * entry, in properties format, and the {@code junit.vintage.execution.parallel*} and {@code testng.*} entries, as
     * Surefire 3.6 passes them on.
     *
     * @param ignored collects the keys Isolane does not use
     */
    static Map<String, String> configurationParameters(Properties properties, List<String> ignored) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (properties == null) {
            return parameters;
        }
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            String value = properties.getProperty(key);
            if (key.equals(CONFIGURATION_PARAMETERS)) {
                parameters.putAll(parse(value));
            } else if (PASSED_ON_PREFIXES.stream().anyMatch(key::startsWith)) {
                parameters.put(key, value);
            } else {
                ignored.add(key);
            }
        }
        return parameters;
    }

    private static Map<String, String> parse(String text) {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(text == null ? "" : text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigException("properties", text, "Its configurationParameters must be in properties"
                    + " format, one key = value a line, such as junit.jupiter.execution.parallel.enabled = true ("
                    + e.getMessage() + ").");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parsed.stringPropertyNames().stream().sorted().forEach(key -> parameters.put(key, parsed.getProperty(key)));
        return parameters;
    }

    private static List<String> lines(String parameter, File file) {
        try {
            return Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(parameter, file, e);
        }
    }

    private static InvalidConfigException unreadable(String parameter, File file, Exception e) {
        return new InvalidConfigException(parameter, file, "The file cannot be read (" + e + "); name a readable file"
                + " or leave the parameter unset.");
    }
}
