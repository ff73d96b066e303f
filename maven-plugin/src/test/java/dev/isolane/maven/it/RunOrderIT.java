package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Surefire's {@code runOrder}, one execution per order in one real Maven build: eight classes run one at a time in
 * the shared JVM and each appends its name to the execution's file as it starts.
 */
class RunOrderIT {

    private static final List<String> ALPHABETICAL = List.of("AlphaTest", "BravoTest", "CharlieTest", "DeltaTest",
            "EchoTest", "FoxtrotTest", "MikeFailingTest", "ZuluSlowTest");
    private static final List<String> REVERSE = List.of("ZuluSlowTest", "MikeFailingTest", "FoxtrotTest", "EchoTest",
            "DeltaTest", "CharlieTest", "BravoTest", "AlphaTest");
    private static BuildResult build;
    private static int hourBefore;
    private static int hourAfter;

    @BeforeAll
    static void runBuild() {
        hourBefore = LocalTime.now().getHour();
        build = MavenBuild.project("run-order").args("test").run();
        hourAfter = LocalTime.now().getHour();
        assertThat(build.exitCode()).as(build.log()).isZero();
    }

    @Test
    void alphabeticalAndReverseAlphabetical() {
        assertThat(order("alphabetical")).containsExactlyElementsOf(ALPHABETICAL);
        assertThat(order("reverse")).containsExactlyElementsOf(REVERSE);
        assertThat(build.logLines("Classes start in reversealphabetical order (runOrder=reversealphabetical)"))
                .hasSize(1);
    }

    @Test
    void randomShufflesBySeedAndPrintsTheSeedToReplayIt() {
        assertThat(order("random-42")).containsExactlyInAnyOrderElementsOf(ALPHABETICAL)
                .isNotEqualTo(ALPHABETICAL).isNotEqualTo(order("random-43"));
        assertThat(build.logLines("Tests will run in random order. To reproduce ordering use flag"
                + " -Dsurefire.runOrder.random.seed=42")).hasSize(1);

        long seed = printedSeed("random");
        BuildResult replay = MavenBuild.project("run-order").args("test", "-Preplay", "-Dsurefire.runOrder=random",
                "-Dsurefire.runOrder.random.seed=" + seed).run();
        assertThat(replay.exitCode()).as(replay.log()).isZero();
        assertThat(lines(replay.directory().resolve("target/order/replay.txt"))).isEqualTo(order("random"));
        assertThat(replay.log()).contains("To reproduce ordering use flag -Dsurefire.runOrder.random.seed=" + seed);
    }

    @Test
    void filesystemIsTheOrderTheTestClassesDirectoryListsItsFilesIn() throws IOException {
        List<String> listed = new ArrayList<>();
        Path classes = build.directory().resolve("target/test-classes/com/acme");
        try (Stream<Path> files = Files.walk(classes)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith("Test.class"))
                    .forEach(name -> listed.add(name.substring(0, name.length() - ".class".length())));
        }
        assertThat(order("filesystem")).containsExactlyElementsOf(listed);
    }

    @Test
    void hourlyIsAlphabeticalInEvenHoursAndReverseInOddOnes() {
        List<String> hourly = order("hourly");
        if (hourBefore == hourAfter) {
            assertThat(hourly).containsExactlyElementsOf(hourBefore % 2 == 0 ? ALPHABETICAL : REVERSE);
        } else {
            assertThat(hourly).isIn(ALPHABETICAL, REVERSE);
        }
    }

    @Test
    void failedFirstStartsWhatFailedInTheRunBeforeThenTheLongest() {
        assertThat(build.log()).contains("Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed:");
        assertThat(order("failedfirst")).startsWith("MikeFailingTest", "ZuluSlowTest")
                .containsExactlyInAnyOrderElementsOf(ALPHABETICAL);
    }

    @Test
    void balancedStartsTheLongestFirstByTheHistory() {
        assertThat(order("balanced").get(0)).isEqualTo("ZuluSlowTest");
    }

    private static long printedSeed(String execution) {
        String log = build.log();
        int header = log.indexOf(":test (" + execution + ") @ run-order");
        Matcher seed = Pattern.compile("-Dsurefire\\.runOrder\\.random\\.seed=(-?\\d+)").matcher(log);
        assertThat(seed.find(header)).as("the %s execution prints its seed", execution).isTrue();
        return Long.parseLong(seed.group(1));
    }

    private static List<String> order(String execution) {
        return lines(build.directory().resolve("target/order/" + execution + ".txt"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
