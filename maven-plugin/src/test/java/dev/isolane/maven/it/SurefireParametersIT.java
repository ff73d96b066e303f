package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Surefire's parameters on Isolane's test goal, in three real Maven builds of one project: {@code configured} sets
 * them all at once (mostly as Surefire's user properties), {@code baseline} sets none, so each test shows what its
 * parameter changed; {@code selected} picks classes with pattern files.
 */
class SurefireParametersIT {

    private static BuildResult configured;
    private static BuildResult baseline;
    private static BuildResult selected;

    @BeforeAll
    static void runBuilds() {
        configured = MavenBuild.project("surefire-params").env("ACME_TOKEN", "secret").args("test", "-Pconfigured",
                "-Dacme.fail=true", "-Dmaven.test.failure.ignore=true",
                "-Dsurefire.systemPropertiesFile=test.properties",
                "-Dsurefire.excludedEnvironmentVariables=ACME_TOKEN",
                "-Dsurefire.includeJUnit5Engines=junit-jupiter",
                "-Dmaven.test.dependency.excludes=org.apache.commons:commons-lang3",
                "-Dsurefire.reportNameSuffix=jdk17", "-DenableOutErrElements=false", "-DenablePropertiesElement=false",
                "-Dsurefire.printSummary=false").run();
        baseline = MavenBuild.project("surefire-params").env("ACME_TOKEN", "secret").args("test").run();
        selected = MavenBuild.project("surefire-params").args("test", "-Dsurefire.includesFile=includes.txt",
                "-Dsurefire.excludesFile=excludes.txt", "-Dsurefire.excludeJUnit5Engines=junit-vintage",
                "-DdisableXmlReport=true").run();
        assertThat(configured.exitCode()).as(configured.log()).isZero();
        assertThat(baseline.exitCode()).as(baseline.log()).isZero();
        assertThat(selected.exitCode()).as(selected.log()).isZero();
    }

    @Test
    void includesFileAndExcludesFileAddTheirPatternsMethodsToo() {
        assertThat(jsonClasses(selected)).containsExactlyInAnyOrder("com.acme.MethodsTest", "com.acme.PickedOneTest");
        assertThat(selected.jsonClass("com.acme.MethodsTest").getAsJsonArray("tests")).singleElement()
                .satisfies(test -> assertThat(test.getAsJsonObject().get("displayName").getAsString())
                        .isEqualTo("pickedOne()"));
        assertThat(jsonClasses(baseline)).contains("com.acme.PickedButExcludedTest", "com.acme.EnvironmentTest");
    }

    @Test
    void excludeJUnit5EnginesLeavesAnEngineOut() {
        // includes.txt names LegacyTest, a JUnit 4 class; the Vintage engine is excluded.
        assertThat(jsonClasses(selected)).doesNotContain("com.acme.LegacyTest");
        assertThat(jsonClasses(baseline)).contains("com.acme.LegacyTest");
    }

    @Test
    void includeJUnit5EnginesRunsOnlyTheEnginesNamed() {
        assertThat(jsonClasses(configured)).contains("com.acme.EnvironmentTest").doesNotContain("com.acme.LegacyTest");
    }

    @Test
    void propertiesConfigurationParametersReachJunit() {
        assertThat(status(configured, "com.acme.ConfiguredTest")).as("@Disabled deactivated").isEqualTo("passed");
        assertThat(status(baseline, "com.acme.ConfiguredTest")).isEqualTo("skipped");
    }

    @Test
    void systemPropertiesFileSetsSystemPropertiesThatSystemPropertyVariablesOverride() {
        assertThat(facts(configured).getProperty("fromFile")).isEqualTo("file");
        assertThat(facts(configured).getProperty("both")).isEqualTo("pom");
        assertThat(facts(baseline).getProperty("fromFile")).isEqualTo("null");
    }

    @Test
    void excludedEnvironmentVariablesAreNotInherited() {
        assertThat(facts(configured).getProperty("token")).isEqualTo("null");
        assertThat(facts(baseline).getProperty("token")).isEqualTo("secret");
    }

    @Test
    void additionalClasspathElementsAreOnTheClassPath() {
        assertThat(facts(configured).getProperty("extra")).isEqualTo("true");
        assertThat(facts(baseline).getProperty("extra")).isEqualTo("false");
    }

    @Test
    void classpathDependencyExcludesLeavesADependencyOffTheClassPath() {
        assertThat(facts(configured).getProperty("lang3")).isEqualTo("false");
        assertThat(facts(baseline).getProperty("lang3")).isEqualTo("true");
        assertThat(configured.logLines("Leaving org.apache.commons:commons-lang3:3.17.0 off the test class path"))
                .hasSize(1);
    }

    @Test
    void classpathDependencyScopeExcludeLeavesAScopeOffTheClassPath() {
        assertThat(facts(configured).getProperty("gson")).isEqualTo("false");
        assertThat(facts(baseline).getProperty("gson")).isEqualTo("true");
    }

    @Test
    void reportNameSuffixNamesTheFilesAndTheClassesInThem() {
        assertThat(xmlReports(configured)).contains("TEST-com.acme.EnvironmentTest-jdk17.xml")
                .doesNotContain("TEST-com.acme.EnvironmentTest.xml");
        Document xml = xml(configured, "TEST-com.acme.EnvironmentTest-jdk17.xml");
        assertThat(xml.getDocumentElement().getAttribute("name")).isEqualTo("com.acme.EnvironmentTest(jdk17)");
        assertThat(((Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("classname"))
                .isEqualTo("com.acme.EnvironmentTest(jdk17)");
    }

    @Test
    void disableXmlReportWritesNoXmlButTheJsonReport() {
        assertThat(xmlReports(selected)).isEmpty();
        assertThat(selected.reports().resolve("isolane-report.json")).exists();
    }

    @Test
    void enableOutErrElementsOffDropsOnlyPassingTestsOutput() {
        assertThat(xml(configured, "TEST-com.acme.EnvironmentTest-jdk17.xml").getElementsByTagName("system-out")
                .getLength()).isZero();
        Document failing = xml(configured, "TEST-com.acme.LoudFailingTest-jdk17.xml");
        assertThat(failing.getElementsByTagName("system-out").getLength()).isEqualTo(1);
        assertThat(failing.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("LoudFailingTest prints before failing\n");
        assertThat(xml(baseline, "TEST-com.acme.EnvironmentTest.xml").getElementsByTagName("system-out").item(0)
                .getTextContent()).isEqualTo("EnvironmentTest prints\n");
    }

    @Test
    void enablePropertiesElementOffKeepsTheJvmsPropertiesOnlyForClassesThatFailed() {
        assertThat(xml(configured, "TEST-com.acme.EnvironmentTest-jdk17.xml").getElementsByTagName("properties")
                .getLength()).isZero();
        assertThat(properties(xml(configured, "TEST-com.acme.LoudFailingTest-jdk17.xml")))
                .contains("java.version", "acme.both", "isolane.pid");
        // By default every class's XML holds the worker JVM's system properties, as Surefire's does.
        assertThat(properties(xml(baseline, "TEST-com.acme.EnvironmentTest.xml")))
                .contains("java.version", "java.class.path", "acme.both", "isolane.lane");
    }

    @Test
    void printSummaryOffShowsOnlyTheFailures() {
        assertThat(configured.logLines("-- in com.acme.EnvironmentTest")).isEmpty();
        assertThat(configured.logLines("Results:")).isEmpty();
        assertThat(configured.logLines("<<< FAILURE! -- in com.acme.LoudFailingTest")).hasSize(1);
        assertThat(configured.logLines("[ERROR]   LoudFailingTest.failsWhenAsked")).hasSize(1);
        assertThat(baseline.logLines("-- in com.acme.EnvironmentTest")).hasSize(1);
        assertThat(baseline.logLines("Results:")).hasSize(1);
    }

    private static List<String> jsonClasses(BuildResult build) {
        List<String> names = new ArrayList<>();
        for (JsonElement entry : build.jsonReport().getAsJsonArray("classes")) {
            names.add(entry.getAsJsonObject().get("className").getAsString());
        }
        return names;
    }

    private static String status(BuildResult build, String className) {
        return build.jsonClass(className).getAsJsonArray("tests").get(0).getAsJsonObject().get("status")
                .getAsString();
    }

    private static Properties facts(BuildResult build) {
        Properties facts = new Properties();
        try (Reader reader = Files.newBufferedReader(build.directory().resolve("target/facts/EnvironmentTest.properties"))) {
            facts.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("no facts; build log:\n" + build.log(), e);
        }
        return facts;
    }

    private static List<String> xmlReports(BuildResult build) {
        try (Stream<Path> files = Files.list(build.reports())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".xml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document xml(BuildResult build, String fileName) {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(build.reports().resolve(fileName).toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + fileName + ": " + e, e);
        }
    }

    private static List<String> properties(Document xml) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < xml.getElementsByTagName("property").getLength(); i++) {
            names.add(((Element) xml.getElementsByTagName("property").item(i)).getAttribute("name"));
        }
        return names;
    }
}
