package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.isolane.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Tests that would hang a build, silence other classes, lose tests or leave processes behind, through real Maven:
 * each is reported as itself, and nothing is left running.
 */
class HostileIT {

    private static BuildResult build;

    @BeforeAll
    static void runTheHostileProject() {
        build = MavenBuild.project("hostile").timeout(Duration.ofMinutes(3)).run();
    }

    @Test
    void aTestReadingStdinGetsTheEndOfTheStreamAndTheBuildEnds() {
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(status("com.acme.AReadsStdinTest", "readsTheEndOfTheStream")).isEqualTo("passed");
    }

    @Test
    void closingSystemOutSilencesNoOtherClassAndIsAViolation() {
        Document xml = build.xmlReport("com.acme.CPrintsAfterTest");
        assertThat(text(xml, "system-out")).contains("CPrintsAfterTest still has an out");
        assertThat(text(xml, "system-err")).contains("CPrintsAfterTest still has an err");

        List<String> closedBy = new ArrayList<>();
        for (JsonElement entry : build.jsonReport().getAsJsonArray("violations")) {
            JsonObject violation = entry.getAsJsonObject();
            if (violation.get("target").getAsString().startsWith("System.out (closed)")) {
                assertThat(violation.get("kind").getAsString()).isEqualTo("system-stream");
                violation.getAsJsonArray("writers").forEach(writer -> closedBy.add(writer.getAsString()));
            }
        }
        assertThat(closedBy).containsExactly("com.acme.BClosesOutTest");
        assertThat(build.log()).contains("System.out (closed)").contains("do not close System.out in BClosesOutTest");
    }

    @Test
    void testsAfterAnExitOrACrashMidClassAreReportedNotRun() {
        for (String className : List.of("com.acme.IsolatedExitsMidwayTest", "com.acme.IsolatedCrashesMidwayTest")) {
            assertThat(build.jsonClass(className).get("result").getAsString()).isEqualTo("crashed");
            assertThat(status(className, "first")).isEqualTo("passed");
            assertThat(status(className, "neverStarts")).isEqualTo("error");
            assertThat(message(className, "neverStarts")).startsWith("Not run: The isolated JVM");
            assertThat(build.log()).containsPattern("Tests run: 3, Failures: 0, Errors: 2, Skipped: 0, .* -- in "
                    + className.replace(".", "\\."));
        }
        assertThat(message("com.acme.IsolatedCrashesMidwayTest", "crashes")).contains("SIGSEGV");
        assertThat(build.jsonReport().getAsJsonObject("totals").get("tests").getAsInt()).isEqualTo(12);
    }

    @Test
    void processesATestLeavesAreEndedAndTheClassNamed() throws Exception {
        assertThat(build.log()).contains("com.acme.DLeavesProcessesTest left 2 processes running, and Isolane ended"
                + " them").contains("sleep 601").contains("sleep 602");
        for (String record : List.of("piped.pid", "inherited.pid")) {
            long pid = Long.parseLong(Files.readString(build.directory().resolve("target/records/" + record)).trim());
            Await.until(Duration.ofSeconds(10), "process " + pid + " (" + record + ") to be gone",
                    () -> !MavenBuild.alive(pid));
        }
    }

    @Test
    void aClassFarSlowerThanItsHistoryIsShownWithWhereItWaits() {
        Path project = MavenBuild.project("hostile").copyProject();
        BuildResult first = MavenBuild.project("hostile").args("verify", "-Dtest=EStallsTest").runIn(project);
        assertThat(first.exitCode()).as(first.log()).isZero();

        BuildResult stalled = MavenBuild.project("hostile").timeout(Duration.ofMinutes(2))
                .args("verify", "-Dtest=EStallsTest", "-Dit.stall=true").runIn(project);

        assertThat(stalled.exitCode()).as(stalled.log()).isZero();
        assertThat(stalled.log()).containsPattern("com\\.acme\\.EStallsTest has run 1\\d s, more than 10 times the")
                .contains("No timeout is set, so it goes on").contains("Its thread now:")
                .contains("EStallsTest.waitsForSomethingThatDoesNotCome");
        assertThat(status(stalled, "com.acme.EStallsTest", "waitsForSomethingThatDoesNotCome")).isEqualTo("passed");
    }

    private static String status(String className, String testName) {
        return status(build, className, testName);
    }

    private static String status(BuildResult result, String className, String testName) {
        return test(result, className, testName).get("status").getAsString();
    }

    private static String message(String className, String testName) {
        return test(build, className, testName).get("message").getAsString();
    }

    private static JsonObject test(BuildResult result, String className, String testName) {
        for (JsonElement entry : result.jsonClass(className).getAsJsonArray("tests")) {
            JsonObject test = entry.getAsJsonObject();
            if (test.get("displayName").getAsString().equals(testName + "()")) {
                return test;
            }
        }
        throw new AssertionError("no test " + testName + " in " + className);
    }

    private static String text(Document xml, String element) {
        NodeList nodes = xml.getElementsByTagName(element);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < nodes.getLength(); i++) {
            text.append(((Element) nodes.item(i)).getTextContent());
        }
        return text.toString();
    }
}
