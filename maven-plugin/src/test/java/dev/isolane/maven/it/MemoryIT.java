package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OutOfMemoryError and StackOverflowError in both lanes (workers at {@code -Xmx96m -Xss512k}), and a class that
 * prints 300 MiB while Maven runs at {@code -Xmx256m}. In the shared JVM a class that runs out of memory may not be the
 * one that used the heap up, so any class that did is run again alone, where the answer is its own.
 */
class MemoryIT {

    private static BuildResult build;

    @BeforeAll
    static void runBuild() {
        build = MavenBuild.project("memory").env("MAVEN_OPTS", "-Xmx256m").timeout(Duration.ofMinutes(8)).run();
    }

    @Test
    void outOfMemoryFailsTheHogInEitherLaneAndNothingElse() {
        for (String name : List.of("com.acme.HeapHogTest", "com.acme.IsolatedHeapHogTest")) {
            JsonObject hog = build.jsonClass(name);
            assertThat(hog.get("result").getAsString()).as(name).isEqualTo("error");
            JsonObject test = hog.getAsJsonArray("tests").get(0).getAsJsonObject();
            assertThat(test.get("failureType").getAsString()).as(name).isEqualTo("java.lang.OutOfMemoryError");
            assertThat(test.get("message").getAsString()).as(name).contains("Java heap space");
        }
        assertThat(build.logLines("Errors: 1").stream().filter(line -> line.contains("HeapHogTest"))).hasSize(2);
    }

    @Test
    void stackOverflowFailsItsClassInEitherLane() {
        for (String name : List.of("com.acme.DeepRecursionTest", "com.acme.IsolatedDeepRecursionTest")) {
            JsonObject deep = build.jsonClass(name);
            assertThat(deep.get("result").getAsString()).as(name).isEqualTo("error");
            assertThat(deep.getAsJsonArray("tests").get(0).getAsJsonObject().get("failureType").getAsString())
                    .as(name).isEqualTo("java.lang.StackOverflowError");
        }
    }

    @Test
    void everyOtherClassIsDeliveredIntact() {
        assertThat(build.exitCode()).as(build.log()).isNotZero();
        for (String name : List.of("com.acme.Plain01Test", "com.acme.Plain02Test", "com.acme.Plain03Test",
                "com.acme.FloodTest")) {
            assertThat(build.jsonClass(name).get("result").getAsString()).as(name).isEqualTo("passed");
        }
        for (String name : List.of("com.acme.Plain01Test", "com.acme.Plain02Test", "com.acme.Plain03Test")) {
            assertThat(build.jsonClass(name).getAsJsonArray("tests")).as(name).hasSize(2);
            assertThat(build.records()).containsKey(name);
        }
        JsonObject totals = build.jsonReport().getAsJsonObject("totals");
        assertThat(totals.get("classes").getAsInt()).isEqualTo(8);
        assertThat(totals.get("errors").getAsInt()).isEqualTo(4);
        assertThat(build.log()).contains("Tests run: 11, Failures: 0, Errors: 4, Skipped: 0");
    }

    @Test
    void hundredsOfMegabytesOfOutputAreCutWithALineSayingHowMuchWasDropped() {
        String out = FaultsIT.testOutput(build.xmlReport("com.acme.FloodTest"), "printsHundredsOfMegabytes",
                "system-out");
        assertThat(out).startsWith("FLOOD-START\n").endsWith("FLOOD-END\n")
                .containsPattern("\\[isolane: [0-9,]+ bytes of output dropped here");
        assertThat(out.length()).isLessThan(1024 * 1024);
        assertThat(build.log()).doesNotContain("java.lang.OutOfMemoryError: Java heap space\n\tat org.apache.maven");
        for (JsonElement warning : build.jsonReport().getAsJsonArray("warnings")) {
            assertThat(warning.getAsString()).doesNotContain("FloodTest failed");
        }
    }
}
