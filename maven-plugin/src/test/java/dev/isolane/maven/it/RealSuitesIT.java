package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Published test suites from Maven Central (test-jars with the {@code tests} classifier), each run by Surefire and by
 * Isolane in one build through {@code dependenciesToScan}: the two report sets must agree test for test. Slow, so not
 * in the default build: {@code mvn -B -ntp verify -pl maven-plugin -am -Preal-suites -Disolane.skipUnitTests}, or one
 * suite with {@code -Dit.test=RealSuitesIT#codec}. Prints, per suite, the counts under both runners and the time each
 * plugin took.
 */
class RealSuitesIT {

    private static final Pattern MOJO_LINE =
            Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[INFO\\] --- ([^:\\s]+):", Pattern.MULTILINE);
    private static final Pattern END_LINE =
            Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[INFO\\] BUILD", Pattern.MULTILINE);

    /**
     * Differences that are not Isolane's to fix, by test, with the reason (docs/benchmarks.md lists them). None today:
     * commons-codec's testCodec265, which measured the heap the classes beside it held, now skips itself under both
     * runners (its project sets a 2 GiB heap).
     */
    private static final Map<String, String> KNOWN = Map.of();

    @Test
    void text() {
        isolaneReportsWhatSurefireReports("real-commons-text");
    }

    @Test
    void csv() {
        isolaneReportsWhatSurefireReports("real-commons-csv");
    }

    @Test
    void collections4() {
        isolaneReportsWhatSurefireReports("real-commons-collections4");
    }

    @Test
    void codec() {
        isolaneReportsWhatSurefireReports("real-commons-codec");
    }

    /** Heavy on the file system: files, directories, links, timestamps, tailing, watching. */
    @Test
    void io() {
        isolaneReportsWhatSurefireReports("real-commons-io");
    }

    /** A JUnit 4 suite, through the Vintage engine. */
    @Test
    void math3() {
        isolaneReportsWhatSurefireReports("real-commons-math3");
    }

    @Test
    void cli() {
        isolaneReportsWhatSurefireReports("real-commons-cli");
    }

    private static void isolaneReportsWhatSurefireReports(String suite) {
        BuildResult build = MavenBuild.project(suite).timeout(Duration.ofMinutes(40))
                .args("verify", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS")
                .run();
        assertThat(build.exitCode()).as(build.log()).isZero();
        TestOutcomes surefire = TestOutcomes.read(build.directory().resolve("target/surefire-reports"));
        TestOutcomes isolane = TestOutcomes.read(build.reports());

        double surefireSeconds = seconds(build.log(), "maven-surefire-plugin");
        double isolaneSeconds = seconds(build.log(), "isolane-maven-plugin");
        System.out.printf(Locale.ROOT, "%s: Surefire %s in %.1f s; Isolane %s in %.1f s (%.2fx); %d differences%n",
                suite, surefire.counts(), surefireSeconds, isolane.counts(), isolaneSeconds,
                surefireSeconds / isolaneSeconds, isolane.differencesFrom(surefire).size());
        assertThat(surefire.byTest()).hasSizeGreaterThan(100);
        // A test whose class shared a static field with a class running beside it in the shared JVM may end
        // otherwise than in Surefire's one-class-at-a-time fork: that is what @IsolatedProcess is for, and the
        // difference is accepted only where Isolane's violation report names the class among a concurrent one's,
        // or where KNOWN says why.
        List<String> unexplained = new ArrayList<>();
        for (String difference : isolane.differencesFrom(surefire)) {
            String testClass = difference.substring(0, difference.indexOf('#'));
            Optional<String> violation = concurrentViolationOf(build, testClass)
                    .map(v -> "concurrent violation: " + v).or(() -> Optional.ofNullable(KNOWN.get(difference)));
            System.out.println("  " + difference + violation.map(reason -> " -- " + reason).orElse(""));
            if (violation.isEmpty()) {
                unexplained.add(difference);
            }
        }
        assertThat(unexplained).as("Isolane vs Surefire in " + build.directory()).isEmpty();
    }

    /** The shared state a concurrent violation says this class wrote or read beside another class, if any. */
    private static Optional<String> concurrentViolationOf(BuildResult build, String testClass) {
        for (JsonElement element : build.jsonReport().getAsJsonArray("violations")) {
            JsonObject violation = element.getAsJsonObject();
            boolean involved = violation.getAsJsonArray("writers").contains(new JsonPrimitive(testClass))
                    || violation.getAsJsonArray("readers").contains(new JsonPrimitive(testClass));
            if (involved && violation.get("concurrent").getAsBoolean()) {
                return Optional.of(violation.get("kind").getAsString() + " " + violation.get("target").getAsString());
            }
        }
        return Optional.empty();
    }

    /** How long a plugin's execution took: from its "---" log line to the next one (or the end of the build). */
    private static double seconds(String log, String plugin) {
        Matcher mojo = MOJO_LINE.matcher(log);
        while (mojo.find()) {
            if (mojo.group(2).equals(plugin)) {
                LocalTime start = LocalTime.parse(mojo.group(1));
                Matcher next = MOJO_LINE.matcher(log);
                LocalTime end = next.find(mojo.end()) ? LocalTime.parse(next.group(1)) : endOf(log);
                return Duration.between(start, end).toMillis() / 1000.0;
            }
        }
        return Double.NaN;
    }

    private static LocalTime endOf(String log) {
        Matcher end = END_LINE.matcher(log);
        return end.find() ? LocalTime.parse(end.group(1)) : LocalTime.MIDNIGHT;
    }
}
