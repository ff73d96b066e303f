package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * threads=auto, the default, through real Maven: classes that wait get more threads than there are cores, classes
 * that compute keep one per core. The decision comes from the shared JVM's measured CPU.
 */
class AutoThreadsIT {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void classesThatWaitGetMoreThreadsThanThereAreCores() throws IOException {
        long[] before = machineTicks();
        BuildResult build = MavenBuild.project("auto-threads").args("verify", "-Dtest=Waiting*").run();
        double busy = busySince(before);

        assertThat(build.exitCode()).as(build.log()).isZero();
        // threads=auto adds nothing while the machine is busy (other builds): that is its rule, not a failure.
        Assumptions.assumeTrue(busy < 0.8, String.format("the machine was %.0f%% busy during the build; threads=auto"
                + " rightly added no thread, so there is nothing to check", 100 * busy));
        JsonObject lanes = build.jsonReport().getAsJsonObject("sharedLanes");
        assertThat(lanes.get("mode").getAsString()).isEqualTo("auto");
        assertThat(lanes.get("start").getAsInt()).isEqualTo(CORES);
        assertThat(lanes.get("peak").getAsInt()).as("threads added while the classes slept")
                .isGreaterThan(CORES).isLessThanOrEqualTo(lanes.get("cap").getAsInt());
        assertThat(lanes.getAsJsonArray("steps")).isNotEmpty().allSatisfy(step ->
                assertThat(step.getAsJsonObject().get("sharedCpu").getAsDouble()).isLessThan(CORES - 0.5));
        assertThat(mostAtOnce(build)).isGreaterThan(CORES);
        assertThat(build.log()).contains("in a shared JVM on " + CORES + " threads to start (threads=auto, up to ")
                .containsPattern("ran 10 classes on threads: auto, " + CORES + " to \\d+, peak \\d+ at 00:0\\d");
    }

    @Test
    void classesThatComputeKeepOneThreadPerCore() {
        BuildResult build = MavenBuild.project("auto-threads").args("verify", "-Dtest=Computing*").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        JsonObject lanes = build.jsonReport().getAsJsonObject("sharedLanes");
        assertThat(lanes.get("mode").getAsString()).isEqualTo("auto");
        assertThat(lanes.get("peak").getAsInt()).as("the CPU was full: nothing added").isEqualTo(CORES);
        assertThat(lanes.getAsJsonArray("steps")).isEmpty();
        assertThat(mostAtOnce(build)).isLessThanOrEqualTo(CORES);
        assertThat(build.log()).contains("the CPU never had room for more");
    }

    @Test
    void aNumberKeepsMeaningAFixedCount() {
        BuildResult build = MavenBuild.project("auto-threads").args("verify", "-Dtest=Waiting01Test,Waiting02Test,Waiting03Test,Waiting04Test,Waiting05Test,Waiting06Test",
                "-Disolane.threads=2").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        JsonObject lanes = build.jsonReport().getAsJsonObject("sharedLanes");
        assertThat(lanes.get("mode").getAsString()).isEqualTo("fixed");
        assertThat(lanes.get("peak").getAsInt()).isEqualTo(2);
        assertThat(mostAtOnce(build)).isEqualTo(2);
        assertThat(build.log()).contains("ran 6 classes on 2 threads, up to 2 at once");
    }

    /** The machine's CPU ticks so far, all and idle, from /proc/stat. */
    private static long[] machineTicks() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i < fields.length; i++) {
            all += Long.parseLong(fields[i]);
        }
        return new long[] {all, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    }

    /** The machine's busy share since those ticks, 0 to 1. */
    private static double busySince(long[] before) throws IOException {
        long[] after = machineTicks();
        return 1 - (double) (after[1] - before[1]) / Math.max(1, after[0] - before[0]);
    }

    /** The most classes that ran at the same moment, from the JSON report's class times. */
    private static int mostAtOnce(BuildResult build) {
        List<long[]> edges = new ArrayList<>();
        build.jsonReport().getAsJsonArray("classes").forEach(entry -> {
            JsonObject result = entry.getAsJsonObject();
            edges.add(new long[] {result.get("startMillis").getAsLong(), 1});
            edges.add(new long[] {result.get("endMillis").getAsLong(), -1});
        });
        edges.sort(Comparator.<long[]>comparingLong(edge -> edge[0]).thenComparingLong(edge -> edge[1]));
        int running = 0;
        int most = 0;
        for (long[] edge : edges) {
            running += (int) edge[1];
            most = Math.max(most, running);
        }
        return most;
    }
}
