package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Which shard this machine runs: the {@code shard} parameter when it is set, else the variables of the CI's own
 * parallel jobs. Reading is pure (the environment comes in as a map), so every convention is tested without a CI; a
 * bad value is an {@link InvalidConfigException} naming the value, where it came from and the fix, before any JVM
 * starts.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ShardSettings {

    /** The parameter's user property, and the {@link Shard#source()} of a shard it sets. */
    public static final String PROPERTY = "isolane.shard";

    /** Bazel asks a test runner that shards to touch this file, so that it knows the split was honored. */
    static final String BAZEL_STATUS_FILE = "TEST_SHARD_STATUS_FILE";

    private static final Pattern FRACTION = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    /**
     * A CI's pair of variables.
     *
     * @param base the number of the first job: 1 where the CI counts from 1, 0 where it counts from 0
     */
    private record Convention(String ci, String indexVariable, String totalVariable, int base) {}

    /** In the order they are looked for; the first whose variables are set decides. */
    private static final List<Convention> CONVENTIONS = List.of(
            new Convention("GitLab CI's parallel jobs", "CI_NODE_INDEX", "CI_NODE_TOTAL", 1),
            new Convention("CircleCI's parallelism", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0),
            new Convention("Buildkite's parallel jobs", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 0),
            new Convention("Bazel's test sharding", "TEST_SHARD_INDEX", "TEST_TOTAL_SHARDS", 0));

    private ShardSettings() {}

    /**
     * The shard to run, or none to run the whole suite.
     *
     * @param parameter   the {@code shard} parameter: {@code i/n} (1-based), {@code off} to ignore the CI's
     *                    variables, or null or blank to read them
     * @param environment the build's environment variables
     * @throws InvalidConfigException for a value that names no shard, or CI variables that contradict each other
     */
    public static Optional<Shard> resolve(String parameter, Map<String, String> environment) {
        if (parameter != null && !parameter.isBlank()) {
            String value = parameter.trim();
            if (value.toLowerCase(Locale.ROOT).equals("off")) {
                return Optional.empty();
            }
            return Optional.of(fromParameter(value));
        }
        for (Convention convention : CONVENTIONS) {
            Optional<Shard> shard = fromVariables(convention, environment);
            if (shard.isPresent()) {
                return shard;
            }
        }
        return Optional.empty();
    }

    /**
     * Touch Bazel's status file when the shard came from Bazel's variables, as Bazel's test sharding protocol asks
     * of a runner that honors the split; a runner that does not touch it is taken to have run everything.
     */
    public static void acknowledge(Shard shard, Map<String, String> environment) throws IOException {
        String statusFile = environment.get(BAZEL_STATUS_FILE);
        if (shard == null || !shard.source().equals("TEST_SHARD_INDEX") || statusFile == null
                || statusFile.isBlank()) {
            return;
        }
        Path file = Path.of(statusFile);
        if (Files.exists(file)) {
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file);
        }
    }

    /** The console's words for a source variable: {@code CI_NODE_INDEX (GitLab CI's parallel jobs)}. */
    static String describe(String indexVariable) {
        return CONVENTIONS.stream().filter(c -> c.indexVariable().equals(indexVariable)).findFirst()
                .map(c -> c.indexVariable() + " and " + c.totalVariable() + " (" + c.ci() + ", counted from "
                        + c.base() + ")")
                .orElse(indexVariable);
    }

    private static Shard fromParameter(String value) {
        Matcher fraction = FRACTION.matcher(value);
        if (!fraction.matches()) {
            throw new InvalidConfigException("shard", value, "Write this machine's shard as i/n, counted from 1:"
                    + " 1/4 to 4/4 when four machines share the suite; or off to run every class. (From the shard"
                    + " parameter, " + PROPERTY + ".)");
        }
        int index = Integer.parseInt(fraction.group(1));
        int total = Integer.parseInt(fraction.group(2));
        check(index, total, value, "the shard parameter, " + PROPERTY + ", which counts from 1", total < 1
                ? "Write i/n with n the number of machines that share the suite, such as 2/4."
                : "Use 1/" + total + " to " + total + "/" + total + ".");
        return new Shard(index, total, PROPERTY);
    }

    private static Optional<Shard> fromVariables(Convention convention, Map<String, String> environment) {
        String indexText = value(environment, convention.indexVariable());
        String totalText = value(environment, convention.totalVariable());
        if (indexText == null && totalText == null) {
            return Optional.empty();
        }
        String shown = convention.indexVariable() + "=" + (indexText == null ? "(not set)" : indexText) + ", "
                + convention.totalVariable() + "=" + (totalText == null ? "(not set)" : totalText);
        String origin = convention.ci() + ", which count" + (convention.ci().endsWith("s") ? "" : "s")
                + " from " + convention.base();
        String fix = "Set both variables, or the shard parameter (-D" + PROPERTY + "=i/n, counted from 1), which"
                + " wins over them; -D" + PROPERTY + "=off ignores them.";
        Integer total = number(totalText);
        if (indexText == null) {
            // GitLab sets CI_NODE_TOTAL=1 on every job that is not parallel: nothing to split.
            if (total != null && total == 1) {
                return Optional.empty();
            }
            throw new InvalidConfigException("shard", shown, convention.totalVariable() + " is set but "
                    + convention.indexVariable() + " is not (" + origin + "). " + fix);
        }
        Integer index = number(indexText);
        if (totalText == null || index == null || total == null) {
            throw new InvalidConfigException("shard", shown, "Both must be set, as whole numbers (" + origin
                    + "). " + fix);
        }
        int oneBased = index - convention.base() + 1;
        check(oneBased, total, shown, origin, fix);
        // CircleCI sets 0 of 1 on every job without parallelism: nothing to split.
        return total == 1 ? Optional.empty() : Optional.of(new Shard(oneBased, total, convention.indexVariable()));
    }

    private static void check(int index, int total, String shown, String origin, String fix) {
        if (total < 1) {
            throw new InvalidConfigException("shard", shown, "The number of shards must be at least 1 (from "
                    + origin + "). " + fix);
        }
        if (index < 1 || index > total) {
            throw new InvalidConfigException("shard", shown, "That is shard " + index + " of " + total
                    + " counted from 1, but the shards are 1 to " + total + " (from " + origin + "). " + fix);
        }
    }

    private static String value(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Integer number(String text) {
        if (text == null || !text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
