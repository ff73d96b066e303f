package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The feature version (17, 21, 25) of the JDK a {@code java} launcher belongs to, which decides how worker JVMs are
 * made to start fast. Read from the JDK's {@code release} file, which costs no JVM start; only a JDK without one is
 * asked by running it. Each launcher is asked once per JVM.
 */
@API(status = INTERNAL, since = "0.1")
public final class JavaRelease {

    /** A JDK whose version could not be found: treated as one without any start-up feature beyond Java 17's. */
    public static final int UNKNOWN = 0;

    private static final Pattern RELEASE_VERSION = Pattern.compile("^JAVA_VERSION=\"?(1\\.)?(\\d+)",
            Pattern.MULTILINE);
    private static final Pattern SPECIFICATION = Pattern.compile("java\\.specification\\.version = (1\\.)?(\\d+)");
    private static final Map<Path, Integer> FEATURES = new ConcurrentHashMap<>();

    private JavaRelease() {}

    /** The feature version of {@code java}'s JDK, or {@link #UNKNOWN}. */
    public static int feature(Path java) {
        Path key;
        try {
            key = java.toRealPath();
        } catch (IOException e) {
            key = java.toAbsolutePath();
        }
        return FEATURES.computeIfAbsent(key, JavaRelease::find);
    }

    private static int find(Path java) {
        Path home = java.getParent() == null ? null : java.getParent().getParent();
        if (home != null) {
            try {
                Integer feature = parse(RELEASE_VERSION, Files.readString(home.resolve("release")));
                if (feature != null) {
                    return feature;
                }
            } catch (IOException e) {
                // no release file: ask the JVM itself
            }
        }
        return ask(java);
    }

    /** The feature version in the text of a JDK's {@code release} file; null when it names none. */
    static Integer parseRelease(String release) {
        return parse(RELEASE_VERSION, release);
    }

    private static Integer parse(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Integer.valueOf(matcher.group(2)) : null;
    }

    private static int ask(Path java) {
        try {
            Process process = new ProcessBuilder(List.of(java.toString(), "-XshowSettings:properties", "-version"))
                    .redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return UNKNOWN;
            }
            Integer feature = parse(SPECIFICATION, output);
            return feature == null ? UNKNOWN : feature;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
