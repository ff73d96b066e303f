package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.isolane.maven.it.BuildResult.Record;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The foundation, end to end: a dozen plain classes and two isolated ones, {@code threads=3}, {@code forks=2}, run by
 * real Maven. Each test class records the PID, thread and time it ran in, as Surefire's ForkCountIT does.
 */
class BasicProjectIT {

    private static final List<String> PLAIN = new ArrayList<>();
    private static final List<String> ISOLATED = List.of("com.acme.IsolatedOneTest", "com.acme.IsolatedTwoTest");
    private static BuildResult build;

    @BeforeAll
    static void runBuild() {
        for (int i = 1; i <= 12; i++) {
            PLAIN.add(String.format("com.acme.Plain%02dTest", i));
        }
        build = MavenBuild.project("basic").run();
    }

    @Test
    void buildPasses() {
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("Running 14 test classes: 12 in a shared JVM on 3 threads,"
                + " 2 in isolated JVMs (at most 2 at once)");
    }

    @Test
    void plainClassesShareOneJvmAndRunConcurrently() {
        Map<String, Record> records = build.records();
        Set<Long> pids = new HashSet<>();
        for (String name : PLAIN) {
            assertThat(records).containsKey(name);
            pids.add(records.get(name).pid());
            assertThat(records.get(name).thread()).startsWith("isolane-shared-");
        }
        assertThat(pids).hasSize(1);
        assertThat(pids.iterator().next()).isNotEqualTo(build.mavenPid());
        // Plain01Test and Plain02Test wait for each other, so two overlap on any machine; more than the pool's
        // threads never may.
        int threads = build.jsonReport().getAsJsonObject("config").get("threads").getAsInt();
        assertThat(maxOverlap(PLAIN.stream().map(records::get).toList())).as("most plain classes running at once")
                .isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(threads);
    }

    @Test
    void eachIsolatedClassRunsInAJvmOfItsOwn() {
        Map<String, Record> records = build.records();
        long sharedPid = records.get(PLAIN.get(0)).pid();
        Set<Long> isolatedPids = new HashSet<>();
        for (String name : ISOLATED) {
            long pid = records.get(name).pid();
            assertThat(pid).isNotEqualTo(sharedPid).isNotEqualTo(build.mavenPid());
            isolatedPids.add(pid);
        }
        assertThat(isolatedPids).hasSize(2);
    }

    @Test
    void reportedPidIsThePidEachClassRanIn() {
        Map<String, Record> records = build.records();
        for (String name : records.keySet()) {
            JsonObject entry = build.jsonClass(name);
            assertThat(entry.get("pid").getAsLong()).as(name).isEqualTo(records.get(name).pid());
            assertThat(entry.get("lane").getAsString()).as(name)
                    .isEqualTo(ISOLATED.contains(name) ? "isolated" : "shared");
            assertThat(xmlProperty(build.xmlReport(name), "isolane.pid")).isEqualTo(
                    String.valueOf(records.get(name).pid()));
        }
    }

    @Test
    void consoleXmlAndJsonAgreeWithWhatTheTestsDid() {
        // 12 plain classes x 2 tests, IsolatedOneTest 1, IsolatedTwoTest 3 of which 1 disabled.
        assertThat(build.log()).contains("Tests run: 28, Failures: 0, Errors: 0, Skipped: 1");
        JsonObject totals = build.jsonReport().getAsJsonObject("totals");
        assertThat(totals.get("classes").getAsInt()).isEqualTo(14);
        assertThat(totals.get("tests").getAsInt()).isEqualTo(28);
        assertThat(totals.get("passed").getAsInt()).isEqualTo(27);
        assertThat(totals.get("skipped").getAsInt()).isEqualTo(1);
        int xmlTests = 0, xmlSkipped = 0;
        for (var file : build.xmlReports()) {
            Element suite = parse(file).getDocumentElement();
            xmlTests += Integer.parseInt(suite.getAttribute("tests"));
            xmlSkipped += Integer.parseInt(suite.getAttribute("skipped"));
            assertThat(suite.getAttribute("failures")).isEqualTo("0");
            assertThat(suite.getAttribute("errors")).isEqualTo("0");
        }
        assertThat(build.xmlReports()).hasSize(14);
        assertThat(xmlTests).isEqualTo(28);
        assertThat(xmlSkipped).isEqualTo(1);
        JsonObject config = build.jsonReport().getAsJsonObject("config");
        assertThat(config.get("threads").getAsInt()).isEqualTo(3);
        assertThat(config.get("forks").getAsInt()).isEqualTo(2);
        assertThat(config.get("isolation").getAsString()).isEqualTo("annotated");
    }

    @Test
    void consoleSaysWhereEachClassRan() {
        long sharedPid = build.records().get(PLAIN.get(0)).pid();
        assertThat(build.logLines("-- in com.acme.Plain05Test")).singleElement().asString()
                .contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0")
                .contains("[shared JVM pid " + sharedPid + ", isolane-shared-");
        long isolatedPid = build.records().get("com.acme.IsolatedOneTest").pid();
        assertThat(build.logLines("-- in com.acme.IsolatedOneTest")).singleElement().asString()
                .contains("[isolated JVM pid " + isolatedPid + "]");
        assertThat(build.log()).contains("Threads: shared JVM pid " + sharedPid + " ran 12 classes on 3 threads");
        assertThat(build.log()).contains("  com.acme.IsolatedOneTest  pid " + isolatedPid);
    }

    @Test
    void outputOfConcurrentClassesIsNeverMixed() {
        for (String name : PLAIN) {
            String simple = name.substring(name.lastIndexOf('.') + 1);
            String out = testCaseOutput(build.xmlReport(name), "adds", "system-out");
            assertThat(out).isEqualTo(simple + " says hello\n");
        }
        assertThat(testCaseOutput(build.xmlReport("com.acme.IsolatedTwoTest"), "runsAloneToo", "system-err"))
                .isEqualTo("IsolatedTwoTest writes to stderr\n");
    }

    @Test
    void failedAssertionInAForkedClassFailsTheBuildAndIsReportedEverywhere() {
        BuildResult failing = MavenBuild.project("basic").args("verify", "-Dit.fail=true").run();
        assertThat(failing.exitCode()).as(failing.log()).isNotZero();
        assertThat(failing.log()).contains("Tests run: 28, Failures: 1, Errors: 0, Skipped: 1");
        assertThat(failing.log()).contains("IsolatedTwoTest.failsOnRequest:").contains("forked arithmetic is off");
        assertThat(failing.log()).contains("There are test failures.");
        assertThat(failing.log()).contains(failing.reports().toString());
        NodeList xmlFailures = failing.xmlReport("com.acme.IsolatedTwoTest").getElementsByTagName("failure");
        assertThat(xmlFailures.getLength()).isEqualTo(1);
        assertThat(((Element) xmlFailures.item(0)).getAttribute("message")).contains("forked arithmetic is off");
        JsonObject forked = failing.jsonClass("com.acme.IsolatedTwoTest");
        assertThat(forked.get("lane").getAsString()).isEqualTo("isolated");
        assertThat(forked.get("result").getAsString()).isEqualTo("failed");
        List<String> messages = new ArrayList<>();
        for (JsonElement test : forked.getAsJsonArray("tests")) {
            if (test.getAsJsonObject().get("status").getAsString().equals("failed")) {
                messages.add(test.getAsJsonObject().get("message").getAsString());
            }
        }
        assertThat(messages).singleElement().asString().contains("forked arithmetic is off");
        assertThat(failing.jsonReport().getAsJsonObject("totals").get("failed").getAsInt()).isEqualTo(1);
    }

    @Test
    void failureIgnoreReportsTheFailureButPassesTheBuild() {
        BuildResult ignored = MavenBuild.project("basic")
                .args("verify", "-Dit.fail=true", "-Dmaven.test.failure.ignore=true").run();
        assertThat(ignored.exitCode()).as(ignored.log()).isZero();
        assertThat(ignored.log()).contains("Tests run: 28, Failures: 1, Errors: 0, Skipped: 1");
        assertThat(ignored.log()).contains("There are test failures.");
    }

    @Test
    void testParameterRunsOnlyTheNamedClass() {
        BuildResult one = MavenBuild.project("basic").args("verify", "-Dtest=Plain03Test").run();
        assertThat(one.exitCode()).as(one.log()).isZero();
        assertThat(one.jsonReport().getAsJsonArray("classes")).hasSize(1);
        assertThat(one.jsonClass("com.acme.Plain03Test")).isNotNull();
        assertThat(one.records().keySet()).containsExactly("com.acme.Plain03Test");
        assertThat(one.log()).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
    }

    @Test
    void testParameterNamingNothingFailsLikeSurefire() {
        BuildResult none = MavenBuild.project("basic").args("verify", "-Dtest=NoSuchTest").run();
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.log()).contains("No tests matching pattern \"NoSuchTest\" were executed!");
    }

    @Test
    void skipTestsRunsNothing() {
        BuildResult skipped = MavenBuild.project("basic").args("verify", "-DskipTests").run();
        assertThat(skipped.exitCode()).as(skipped.log()).isZero();
        assertThat(skipped.log()).contains("Tests are skipped.");
        assertThat(Files.exists(skipped.reports())).isFalse();
        assertThat(skipped.records()).isEmpty();
    }

    @Test
    void badParameterValueIsRejectedByName() {
        // The POM sets threads and forks, and POM configuration beats user properties; isolation is free.
        BuildResult bad = MavenBuild.project("basic").args("verify", "-Disolane.isolation=bogus").run();
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.log()).contains("Invalid value for parameter 'isolation': 'bogus'. Use one of: annotated,"
                + " all, none, auto.");
        assertThat(bad.records()).isEmpty();
    }

    @Test
    void anArgLineThatChoosesACollectorStartsEveryJvm() {
        // Isolated JVMs start with the serial collector unless told otherwise: two collectors would stop the JVM.
        BuildResult build = MavenBuild.project("basic").args("verify", "-Dtest=IsolatedOneTest,Plain01Test",
                "-DargLine=-XX:+UseParallelGC").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).doesNotContain("Multiple garbage collectors selected")
                .contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(build.records()).containsKeys("com.acme.IsolatedOneTest", "com.acme.Plain01Test");
    }

    private static int maxOverlap(List<Record> records) {
        int most = 0;
        for (Record a : records) {
            int overlapping = 0;
            for (Record b : records) {
                if (b.startMillis() <= a.startMillis() && a.startMillis() < b.endMillis()) {
                    overlapping++;
                }
            }
            most = Math.max(most, overlapping);
        }
        return most;
    }

    private static String xmlProperty(Document xml, String name) {
        NodeList properties = xml.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals(name)) {
                return property.getAttribute("value");
            }
        }
        throw new AssertionError("no property " + name);
    }

    private static String testCaseOutput(Document xml, String testName, String stream) {
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

    private static Document parse(java.nio.file.Path file) {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
