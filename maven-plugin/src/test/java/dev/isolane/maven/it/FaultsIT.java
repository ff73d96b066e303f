package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.isolane.testing.Await;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Many faults at once, through the plugin, with Maven's heap at 256 MiB: exits stopped in both lanes, JVMs that die
 * in ways nothing can stop, classes past the timeout (one deadlocked), output that imitates the protocol, a
 * connection that forges results, threads left running. Each faulty class is reported as what happened
 * and every other class's results arrive intact.
 */
class FaultsIT {

    private static final List<String> PLAIN = List.of("com.acme.Plain01Test", "com.acme.Plain02Test",
            "com.acme.Plain03Test", "com.acme.Plain04Test", "com.acme.Plain05Test", "com.acme.Plain06Test");
    private static BuildResult build;

    @BeforeAll
    static void runBuild() {
        build = MavenBuild.project("faults").env("MAVEN_OPTS", "-Xmx256m").timeout(Duration.ofMinutes(8)).run();
    }

    @Test
    void theRunCompletesAndFailsTheBuildPointingAtTheReports() {
        assertThat(build.exitCode()).as(build.log()).isNotZero();
        assertThat(build.log()).contains("Running 21 test classes: 15 in a shared JVM on 4 threads, 6 in isolated JVMs")
                .contains("There are test failures.").contains(build.reports().toString())
                .doesNotContain("OutOfMemoryError").doesNotContain("Re-running");
    }

    @Test
    void everyOtherClassIsDeliveredIntact() {
        for (String name : PLAIN) {
            JsonObject entry = build.jsonClass(name);
            assertThat(entry.get("result").getAsString()).as(name).isEqualTo("passed");
            assertThat(entry.getAsJsonArray("tests")).as(name).hasSize(2);
            assertThat(entry.get("pid").getAsLong()).as(name).isEqualTo(build.records().get(name).pid());
            String simple = name.substring(name.lastIndexOf('.') + 1);
            assertThat(testOutput(build.xmlReport(name), "works", "system-out")).isEqualTo(simple + " says hello\n");
            assertThat(build.logLines("-- in " + name + " [shared JVM pid")).singleElement().asString()
                    .contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        }
        for (String name : List.of("com.acme.NonDaemonThreadTest", "com.acme.IsolatedNonDaemonThreadTest",
                "com.acme.IntruderTest")) {
            assertThat(build.jsonClass(name).get("result").getAsString()).as(name).isEqualTo("passed");
        }
    }

    @Test
    void exitsInTheSharedJvmAreStoppedAndReportedCrashedWithTheirStatus() {
        assertCrashed("com.acme.SystemExitTest", "shared", "com.acme.SystemExitTest called System.exit(3) on thread"
                + " isolane-shared-", "in test exits(); Isolane stopped the call, so its shared JVM and every class"
                + " beside it carried on.", "SystemExitTest is about to call System.exit(3)");
        assertCrashed("com.acme.RuntimeExitTest", "shared", "called Runtime.exit(4)");
        assertCrashed("com.acme.HaltTest", "shared", "called Runtime.halt(5)");
        assertCrashed("com.acme.ExitOnBackgroundThreadTest", "shared", "called System.exit(11) on thread"
                + " background-exit");
        // The JVM survived the exits: the classes that called them were followed by the rest, in the same JVM.
        long exitPid = build.jsonClass("com.acme.SystemExitTest").get("pid").getAsLong();
        assertThat(build.records().get("com.acme.SystemExitTest").pid()).isEqualTo(exitPid);
        JsonObject exits = build.jsonClass("com.acme.SystemExitTest");
        assertThat(statusOf(exits, "aPassesFirst")).isEqualTo("passed");
        assertThat(messageOf(exits, "exits")).startsWith("System.exit(3) was called; Isolane stopped it");
        Element error = (Element) build.xmlReport("com.acme.SystemExitTest").getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("dev.isolane.core.agent.ExitInterceptedError");
        assertThat(error.getTextContent()).contains("at com.acme.SystemExitTest.exits(SystemExitTest.java:");
        assertThat(build.log()).contains("Tests run: 2, Failures: 0, Errors: 1, Skipped: 0")
                .contains("<<< CRASHED! -- in com.acme.SystemExitTest [shared JVM pid " + exitPid);
    }

    @Test
    void anIsolatedJvmThatExitsIsKilledOrCrashesIsReportedWithItsStatusOrSignal() {
        // No agent in an isolated JVM (it would slow every start): the exit ends the JVM, and the caller is named.
        assertCrashed("com.acme.IsolatedExitTest", "isolated", "exited with code 7 while com.acme.IsolatedExitTest"
                + " ran (test exits()); it called exit on thread isolane-isolated-1:",
                "at app//com.acme.IsolatedExitTest.exits(IsolatedExitTest.java:", "IsolatedExitTest is about to call"
                + " System.exit(7)");
        assertThat(build.jsonClass("com.acme.IsolatedExitTest").get("detail").getAsString())
                .doesNotContain("org.junit.platform.engine");
        assertCrashed("com.acme.IsolatedHaltTest", "isolated", "The isolated JVM (pid "
                + build.records().get("com.acme.IsolatedHaltTest").pid() + ") exited with code 9 while"
                + " com.acme.IsolatedHaltTest ran (test halts())", "IsolatedHaltTest is about to halt");
        assertCrashed("com.acme.IsolatedKilledTest", "isolated", "was killed by signal 9 (exit code 137)",
                "IsolatedKilledTest is about to be killed");
        assertCrashed("com.acme.IsolatedNativeCrashTest", "isolated", "crashed natively: SIGSEGV",
                "IsolatedNativeCrashTest is about to crash");
        assertThat(build.log()).contains("<<< CRASHED! -- in com.acme.IsolatedKilledTest [isolated JVM pid");
        assertThat(messageOf(build.jsonClass("com.acme.IsolatedHaltTest"), "halts"))
                .startsWith("The isolated JVM (pid").contains("exited with code 9");
    }

    @Test
    void aClassPastTheTimeoutIsReportedWithAThreadDumpShowingWhereItIsStuck() {
        JsonObject hanging = build.jsonClass("com.acme.HangingTest");
        assertThat(hanging.get("result").getAsString()).isEqualTo("timeout");
        assertThat(hanging.get("lane").getAsString()).isEqualTo("shared");
        String detail = hanging.get("detail").getAsString();
        assertThat(detail).startsWith("com.acme.HangingTest ran past the timeout of 10 s (test waitsForever() was"
                + " running) and was stopped: its thread cannot be stopped inside the shared JVM")
                .contains("Its thread:\n\"isolane-shared-")
                .contains("\tat com.acme.HangingTest.waitsForever(HangingTest.java:")
                .contains("Its last output:\nHangingTest waits forever\n")
                .contains("Thread dump of pid " + hanging.get("pid").getAsLong());
        // The console shows the stuck frames; the XML holds the whole dump.
        assertThat(build.log()).contains("<<< TIMEOUT! -- in com.acme.HangingTest [shared JVM pid")
                .contains("[ERROR] \tat com.acme.HangingTest.waitsForever(HangingTest.java:")
                .contains("Retiring the shared JVM (pid " + hanging.get("pid").getAsLong() + "): a class in it ran"
                        + " past the timeout");
        Element error = (Element) build.xmlReport("com.acme.HangingTest").getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("dev.isolane.ClassTimeout");
        assertThat(error.getTextContent()).contains("HangingTest.waitsForever(HangingTest.java:");
        assertThat(((Element) error.getParentNode()).getAttribute("name")).isEqualTo("waitsForever");

        JsonObject isolated = build.jsonClass("com.acme.IsolatedHangingTest");
        assertThat(isolated.get("result").getAsString()).isEqualTo("timeout");
        assertThat(isolated.get("detail").getAsString()).contains("its isolated JVM (pid "
                + build.records().get("com.acme.IsolatedHangingTest").pid() + ") was killed")
                .contains("\tat com.acme.IsolatedHangingTest.neverEnds(IsolatedHangingTest.java:");
    }

    @Test
    void aDeadlockShowsInTheThreadDump() {
        JsonObject deadlock = build.jsonClass("com.acme.DeadlockTest");
        assertThat(deadlock.get("result").getAsString()).isEqualTo("timeout");
        assertThat(deadlock.get("detail").getAsString()).contains("Deadlock: 2 threads wait for each other")
                .contains("\"ledger-first\" waits for java.lang.Object@").contains("held by \"journal-first\"")
                .contains("\"journal-first\" waits for java.lang.Object@").contains("held by \"ledger-first\"")
                .contains("\tat com.acme.DeadlockTest.lockBoth(DeadlockTest.java:");
        assertThat(build.log()).contains("Deadlock: 2 threads wait for each other");
    }

    @Test
    void outputThatImitatesTheProtocolIsJustOutputAndEveryReportStaysValid() throws Exception {
        // Every XML parses (BuildResult.xmlReport throws otherwise) and the JSON parses.
        assertThat(build.xmlReports()).hasSize(21);
        build.xmlReports().forEach(file -> build.xmlReport(file.getFileName().toString()
                .replaceFirst("^TEST-", "").replaceFirst("\\.xml$", "")));
        JsonObject noisy = build.jsonClass("com.acme.NoisyTest");
        assertThat(noisy.get("result").getAsString()).isEqualTo("failed");
        Document xml = build.xmlReport("com.acme.NoisyTest");
        String printed = testOutput(xml, "imitatesTheProtocol", "system-out");
        assertThat(printed).contains("\"type\":\"class-finished\"").contains("NUL:\\u0000 BEL:\\u0007")
                .contains("end ]]> <tag a=\"b\"> &amp; é 日本");
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("hostile message NUL:\\u0000");
        JsonElement names = noisy.getAsJsonArray("tests");
        assertThat(names.toString()).contains("weird <name> & \\\"quotes\\\" ]]> \\u0000");
        // What went straight to the process's stdout is in the worker's log, not in any result.
        assertThat(workerLogs()).contains("raw write NUL:");
        assertThat(build.jsonClass("com.acme.Plain01Test").get("result").getAsString()).isEqualTo("passed");
        assertThat(build.log()).doesNotContain("forged").doesNotContain("Corrupted");
    }

    @Test
    void aConnectionWithoutTheRunsSecretCannotDeliverResults() {
        assertThat(build.jsonClass("com.acme.IntruderTest").get("result").getAsString()).isEqualTo("passed");
        JsonObject target = build.jsonClass("com.acme.Plain02Test");
        assertThat(target.get("result").getAsString()).isEqualTo("passed");
        assertThat(target.toString()).doesNotContain("FORGED");
        assertThat(build.jsonReport().toString()).doesNotContain("FORGED FAILURE");
    }

    @Test
    void noWorkerJvmOutlivesTheRunNotEvenOneWithAStuckOrNonDaemonThread() {
        // The build has ended; a worker that was killed may still be on its way out.
        Await.until(Duration.ofSeconds(30), "every worker JVM the tests recorded to exit after the build",
                () -> build.records().values().stream().map(BuildResult.Record::pid).distinct()
                        .filter(MavenBuild::alive).toList(), List::isEmpty);
    }

    @Test
    void theTotalsCountEveryFault() {
        JsonObject totals = build.jsonReport().getAsJsonObject("totals");
        assertThat(totals.get("classes").getAsInt()).isEqualTo(21);
        int tests = 0;
        for (JsonElement entry : build.jsonReport().getAsJsonArray("classes")) {
            tests += entry.getAsJsonObject().getAsJsonArray("tests").size();
        }
        assertThat(totals.get("tests").getAsInt()).isEqualTo(tests);
        assertThat(build.log()).contains("Tests run: " + tests + ", Failures: 1, Errors: " + totals.get("errors"));
    }

    private static void assertCrashed(String className, String lane, String... detailParts) {
        JsonObject entry = build.jsonClass(className);
        assertThat(entry.get("result").getAsString()).as(className).isEqualTo("crashed");
        assertThat(entry.get("lane").getAsString()).as(className).isEqualTo(lane);
        assertThat(entry.get("detail").getAsString()).as(className).contains(detailParts);
        assertThat(build.log()).contains("<<< CRASHED! -- in " + className + " [" + lane + " JVM pid");
    }

    private static String statusOf(JsonObject entry, String displayNamePrefix) {
        return test(entry, displayNamePrefix).get("status").getAsString();
    }

    private static String messageOf(JsonObject entry, String displayNamePrefix) {
        return test(entry, displayNamePrefix).get("message").getAsString();
    }

    private static JsonObject test(JsonObject entry, String displayNamePrefix) {
        for (JsonElement test : entry.getAsJsonArray("tests")) {
            if (test.getAsJsonObject().get("displayName").getAsString().startsWith(displayNamePrefix)) {
                return test.getAsJsonObject();
            }
        }
        throw new AssertionError("no test " + displayNamePrefix + " in " + entry);
    }

    private static String workerLogs() throws Exception {
        StringBuilder text = new StringBuilder();
        try (var files = Files.walk(build.directory().resolve("target/isolane-work"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }

    static String testOutput(Document xml, String testName, String stream) {
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (testCase.getAttribute("name").equals(testName)) {
                NodeList output = testCase.getElementsByTagName(stream);
                return output.getLength() == 0 ? "" : output.item(0).getTextContent();
            }
        }
        throw new AssertionError("no test case " + testName);
    }
}
