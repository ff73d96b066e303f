package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardSettingsTest {

    private static final Map<String, String> NO_CI = Map.of("PATH", "/usr/bin");

    @Test
    void theParameterCountsFromOne() {
        assertThat(ShardSettings.resolve("2/4", NO_CI)).contains(new Shard(2, 4, "isolane.shard"));
        assertThat(ShardSettings.resolve(" 1 / 1 ", NO_CI)).contains(new Shard(1, 1, "isolane.shard"));
        assertThat(ShardSettings.resolve("4/4", NO_CI).orElseThrow().label()).isEqualTo("4/4");
    }

    @Test
    void withoutTheParameterOrCiVariablesTheWholeSuiteRuns() {
        assertThat(ShardSettings.resolve(null, NO_CI)).isEmpty();
        assertThat(ShardSettings.resolve("  ", NO_CI)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0/4;  That is shard 0 of 4 counted from 1, but the shards are 1 to 4",
            "5/4;  That is shard 5 of 4 counted from 1, but the shards are 1 to 4",
            "1/0;  The number of shards must be at least 1",
            "a/b;  Write this machine's shard as i/n, counted from 1",
            "2;    Write this machine's shard as i/n, counted from 1",
            "-1/4; Write this machine's shard as i/n, counted from 1"})
    void aBadParameterNamesItsValueItsSourceAndTheFix(String value, String problem) {
        assertThatThrownBy(() -> ShardSettings.resolve(value, NO_CI))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid value for parameter 'shard': '" + value + "'. ")
                .hasMessageContaining(problem)
                .hasMessageContaining("isolane.shard")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("Use 1/4 to 4/4.", "such as 2/4", "1/4 to 4/4"));
    }

    @ParameterizedTest
    @CsvSource({
            "CI_NODE_INDEX,          CI_NODE_TOTAL,                1, 3, 3, 3",
            "CI_NODE_INDEX,          CI_NODE_TOTAL,                1, 1, 3, 1",
            "CIRCLE_NODE_INDEX,      CIRCLE_NODE_TOTAL,            0, 0, 4, 1",
            "CIRCLE_NODE_INDEX,      CIRCLE_NODE_TOTAL,            0, 3, 4, 4",
            "BUILDKITE_PARALLEL_JOB, BUILDKITE_PARALLEL_JOB_COUNT, 0, 1, 2, 2",
            "TEST_SHARD_INDEX,       TEST_TOTAL_SHARDS,            0, 4, 5, 5"})
    void eachCiCountsFromItsOwnBase(String indexVariable, String totalVariable, int base, int index, int total,
            int expected) {
        Optional<Shard> shard = ShardSettings.resolve(null, Map.of(indexVariable, String.valueOf(index),
                totalVariable, String.valueOf(total)));

        assertThat(shard).contains(new Shard(expected, total, indexVariable));
        assertThat(shard.orElseThrow().sourceText()).contains(indexVariable, totalVariable, "counted from " + base);
    }

    @Test
    void theParameterWinsOverTheCiAndOffIgnoresIt() {
        Map<String, String> gitlab = Map.of("CI_NODE_INDEX", "2", "CI_NODE_TOTAL", "3");
        assertThat(ShardSettings.resolve("1/2", gitlab)).contains(new Shard(1, 2, "isolane.shard"));
        assertThat(ShardSettings.resolve("off", gitlab)).isEmpty();
        assertThat(ShardSettings.resolve("OFF", Map.of("CI_NODE_INDEX", "9", "CI_NODE_TOTAL", "3"))).isEmpty();
    }

    @Test
    void jobsThatAreNotParallelAreNotShards() {
        // GitLab sets CI_NODE_TOTAL=1 on every job without parallel:, CircleCI 0 of 1 without parallelism.
        assertThat(ShardSettings.resolve(null, Map.of("CI_NODE_TOTAL", "1"))).isEmpty();
        assertThat(ShardSettings.resolve(null, Map.of("CIRCLE_NODE_INDEX", "0", "CIRCLE_NODE_TOTAL", "1")))
                .isEmpty();
    }

    @Test
    void theFirstConventionSetDecides() {
        assertThat(ShardSettings.resolve(null, Map.of("CIRCLE_NODE_INDEX", "0", "CIRCLE_NODE_TOTAL", "1",
                "TEST_SHARD_INDEX", "1", "TEST_TOTAL_SHARDS", "2"))).contains(new Shard(2, 2, "TEST_SHARD_INDEX"));
        assertThat(ShardSettings.resolve(null, Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "2",
                "TEST_SHARD_INDEX", "1", "TEST_TOTAL_SHARDS", "2"))).contains(new Shard(1, 2, "CI_NODE_INDEX"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "CI_NODE_INDEX=0,CI_NODE_TOTAL=4; CI_NODE_INDEX=0, CI_NODE_TOTAL=4; That is shard 0 of 4",
            "CI_NODE_INDEX=5,CI_NODE_TOTAL=4; CI_NODE_INDEX=5, CI_NODE_TOTAL=4; That is shard 5 of 4",
            "CIRCLE_NODE_INDEX=4,CIRCLE_NODE_TOTAL=4; CIRCLE_NODE_INDEX=4, CIRCLE_NODE_TOTAL=4; That is shard 5 of 4",
            "CI_NODE_INDEX=2; CI_NODE_INDEX=2, CI_NODE_TOTAL=(not set); Both must be set",
            "CI_NODE_TOTAL=4; CI_NODE_INDEX=(not set), CI_NODE_TOTAL=4; CI_NODE_TOTAL is set but CI_NODE_INDEX is not",
            "BUILDKITE_PARALLEL_JOB=x,BUILDKITE_PARALLEL_JOB_COUNT=2; BUILDKITE_PARALLEL_JOB=x, BUILDKITE_PARALLEL_JOB_COUNT=2; as whole numbers",
            "TEST_SHARD_INDEX=0,TEST_TOTAL_SHARDS=0; TEST_SHARD_INDEX=0, TEST_TOTAL_SHARDS=0; The number of shards must be at least 1"})
    void badCiVariablesNameTheirValuesTheirCiAndTheFix(String variables, String shown, String problem) {
        Map<String, String> environment = new java.util.HashMap<>();
        for (String pair : variables.split(",")) {
            environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }

        assertThatThrownBy(() -> ShardSettings.resolve(null, environment))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid value for parameter 'shard': '" + shown + "'. ")
                .hasMessageContaining(problem)
                .hasMessageContaining("-Disolane.shard=i/n")
                .hasMessageContaining("-Disolane.shard=off");
    }

    @Test
    void bazelsStatusFileIsTouchedOnlyForBazelsShards(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status/shard");
        Map<String, String> bazel = Map.of("TEST_SHARD_INDEX", "0", "TEST_TOTAL_SHARDS", "2",
                "TEST_SHARD_STATUS_FILE", status.toString());

        ShardSettings.acknowledge(new Shard(1, 2, "isolane.shard"), bazel);
        assertThat(status).doesNotExist();
        ShardSettings.acknowledge(null, bazel);
        assertThat(status).doesNotExist();

        ShardSettings.acknowledge(ShardSettings.resolve(null, bazel).orElseThrow(), bazel);
        assertThat(status).exists();
        Files.setLastModifiedTime(status, FileTime.fromMillis(0));
        ShardSettings.acknowledge(ShardSettings.resolve(null, bazel).orElseThrow(), bazel);
        assertThat(Files.getLastModifiedTime(status).toMillis()).isPositive();
    }

    @Test
    void aShardOutsideItsRangeCannotBeMade() {
        assertThatThrownBy(() -> new Shard(0, 2, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shard(3, 2, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shard(1, 2, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
