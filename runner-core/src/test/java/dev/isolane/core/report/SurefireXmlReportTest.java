package dev.isolane.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.ReportOptions;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SurefireXmlReportTest {

    /** What tests print and name themselves is hostile to XML: markup, CDATA ends, NUL and other control bytes. */
    private static final String NASTY = "<b>&amp;\"'</b> ]]> \u0000\u0001\u001b[31m \ud800 done \u2603";

    @TempDir
    Path dir;

    @Test
    void writesSurefireFormatThatValidatesEvenWithHostileContent() throws Exception {
        ClassResult result = new ClassResult("com.acme.FooTest", Lane.ISOLATED, 4242, "isolane-isolated-1",
                1_000, 3_500, ClassOutcome.ERROR, List.of(
                        test("passes", TestStatus.PASSED, null, "printed " + NASTY, ""),
                        test("fails", TestStatus.FAILED, "expected " + NASTY, "", "oops"),
                        test("errors", TestStatus.ERROR, "bad", "", ""),
                        test("skips", TestStatus.SKIPPED, "not today", "", "")),
                "", "", null);

        Path file = SurefireXmlReport.write(dir, result);

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("done \u2603");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/surefire-report-format.xsd"))
                .newValidator().validate(new StreamSource(file.toFile()));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("com.acme.FooTest");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("2.500");
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).startsWith("expected <b>&amp;\"'</b> ]]> \\u0000\\u0001");
        assertThat(failure.getAttribute("type")).isEqualTo("java.lang.AssertionError");
        assertThat(failure.getTextContent()).isEqualTo("java.lang.AssertionError: trace\n\tat x.Y.z(Y.java:1)");
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("printed <b>&amp;\"'</b> ]]> \\u0000\\u0001\\u001b[31m \\ud800 done \u2603");
        assertThat(xml.getElementsByTagName("system-err").item(0).getTextContent()).isEqualTo("oops");
        assertThat(((Element) xml.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("not today");
    }

    @Test
    void flakesAndRerunFailuresAreWrittenAsSurefireWritesThemAndValidate() throws Exception {
        TestResult failedRun = test("flaky", TestStatus.FAILED, "first run", "run 1 out", "");
        TestResult flaky = test("flaky", TestStatus.PASSED, null, "", "").withReruns(List.of(
                test("flaky", TestStatus.ERROR, "zeroth run", "", ""), failedRun));
        TestResult stubborn = test("stubborn", TestStatus.ERROR, "one", "out", "err").withReruns(List.of(
                test("stubborn", TestStatus.ERROR, "two", "", ""), test("stubborn", TestStatus.FAILED, "three", "", "")));
        ClassResult result = new ClassResult("com.acme.FooTest", Lane.SHARED, 1, "t", 0, 10, ClassOutcome.ERROR,
                List.of(flaky, stubborn), "", "", null);

        Path file = SurefireXmlReport.write(dir, result);

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/surefire-report-format.xsd"))
                .newValidator().validate(new StreamSource(file.toFile()));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        Element flakyFailure = (Element) xml.getElementsByTagName("flakyFailure").item(0);
        assertThat(flakyFailure.getAttribute("message")).isEqualTo("first run");
        assertThat(flakyFailure.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("run 1 out");
        // A failed rerun of an erroring test is still a rerunError (the schema's order); its type says what it was.
        assertThat(xml.getElementsByTagName("rerunFailure").getLength()).isZero();
        Element third = (Element) xml.getElementsByTagName("rerunError").item(1);
        assertThat(third.getAttribute("message")).isEqualTo("three");
        assertThat(third.getAttribute("type")).isEqualTo("java.lang.AssertionError");
    }

    @Test
    void theJvmsSystemPropertiesComeFirstInThePropertiesAndTheSuffixNamesFileAndClasses() throws Exception {
        ClassResult result = new ClassResult("com.acme.FooTest", Lane.SHARED, 7, "t", 0, 10, ClassOutcome.PASSED,
                List.of(test("passes", TestStatus.PASSED, null, "out", "")), "", "", null,
                java.util.Map.of("user.dir", "/p", "java.version", "17"));

        Path file = SurefireXmlReport.write(dir, result, new ReportOptions("jdk17", true, true, true, true));

        assertThat(file.getFileName().toString()).isEqualTo("TEST-com.acme.FooTest-jdk17.xml");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(xml.getDocumentElement().getAttribute("name")).isEqualTo("com.acme.FooTest(jdk17)");
        assertThat(((Element) xml.getElementsByTagName("testcase").item(0)).getAttribute("classname"))
                .isEqualTo("com.acme.FooTest(jdk17)");
        assertThat(propertyNames(xml)).containsExactly("java.version", "user.dir", "isolane.lane", "isolane.pid",
                "isolane.thread", "isolane.outcome");
    }

    @Test
    void withoutTheElementsPassingTestsKeepNeitherPropertiesNorOutputAndFailingOnesDo() throws Exception {
        ReportOptions lean = new ReportOptions("", true, false, false, true);
        ClassResult passing = new ClassResult("com.acme.FooTest", Lane.SHARED, 7, "t", 0, 10, ClassOutcome.PASSED,
                List.of(test("passes", TestStatus.PASSED, null, "out", "err")), "", "", null,
                java.util.Map.of("user.dir", "/p"));
        ClassResult failing = new ClassResult("com.acme.BarTest", Lane.SHARED, 7, "t", 0, 10, ClassOutcome.FAILED,
                List.of(test("passes", TestStatus.PASSED, null, "quiet", ""),
                        test("fails", TestStatus.FAILED, "no", "loud", "")), "", "", null,
                java.util.Map.of("user.dir", "/p"));

        Document passed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(SurefireXmlReport.write(dir, passing, lean).toFile());
        Document failed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(SurefireXmlReport.write(dir, failing, lean).toFile());

        assertThat(passed.getElementsByTagName("properties").getLength()).isZero();
        assertThat(passed.getElementsByTagName("system-out").getLength()).isZero();
        assertThat(passed.getElementsByTagName("system-err").getLength()).isZero();
        assertThat(propertyNames(failed)).contains("user.dir");
        assertThat(failed.getElementsByTagName("system-out").getLength()).isEqualTo(1);
        assertThat(failed.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("loud");
    }

    @Test
    void propertiesKeptFromTheLastClassAreWrittenAsTheirOwnWouldBeAndChangedOnesReplaceThem() throws Exception {
        java.util.Map<String, String> first = java.util.Map.of("user.dir", "/p", "nasty", NASTY, "java.version", "17");
        java.util.Map<String, String> second = java.util.Map.of("user.dir", "/q", "java.version", "21");
        Path a = SurefireXmlReport.write(dir, withProperties("com.acme.ATest", first));
        Path b = SurefireXmlReport.write(dir, withProperties("com.acme.BTest", second));
        Path c = SurefireXmlReport.write(dir, withProperties("com.acme.CTest", new java.util.HashMap<>(first)));
        Path none = SurefireXmlReport.write(dir, withProperties("com.acme.DTest", java.util.Map.of()));

        for (Path file : List.of(a, b, c, none)) {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(getClass().getResource("/surefire-report-format.xsd"))
                    .newValidator().validate(new StreamSource(file.toFile()));
        }
        assertThat(properties(b)).containsExactly("java.version=21", "user.dir=/q", "isolane.lane=shared",
                "isolane.pid=7", "isolane.thread=t", "isolane.outcome=passed");
        assertThat(properties(c)).containsExactly("java.version=17",
                "nasty=<b>&amp;\"'</b> ]]> \\u0000\\u0001\\u001b[31m \\ud800 done \u2603", "user.dir=/p",
                "isolane.lane=shared", "isolane.pid=7", "isolane.thread=t", "isolane.outcome=passed");
        assertThat(Files.readString(c).replace("CTest", "ATest")).isEqualTo(Files.readString(a));
        assertThat(properties(none)).containsExactly("isolane.lane=shared", "isolane.pid=7", "isolane.thread=t",
                "isolane.outcome=passed");
    }

    private static ClassResult withProperties(String className, java.util.Map<String, String> properties) {
        return new ClassResult(className, Lane.SHARED, 7, "t", 0, 10, ClassOutcome.PASSED,
                List.of(test("passes", TestStatus.PASSED, null, "", "")), "", "", null, properties);
    }

    private static List<String> properties(Path file) throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        List<String> properties = new java.util.ArrayList<>();
        for (int i = 0; i < xml.getElementsByTagName("property").getLength(); i++) {
            Element property = (Element) xml.getElementsByTagName("property").item(i);
            properties.add(property.getAttribute("name") + "=" + property.getAttribute("value"));
        }
        return properties;
    }

    private static List<String> propertyNames(Document xml) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < xml.getElementsByTagName("property").getLength(); i++) {
            names.add(((Element) xml.getElementsByTagName("property").item(i)).getAttribute("name"));
        }
        return names;
    }

    @Test
    void formatsTimeAsSurefireDoes() {
        assertThat(SurefireXmlReport.seconds(0)).isEqualTo("0.000");
        assertThat(SurefireXmlReport.seconds(1234567)).isEqualTo("1234.567");
        assertThat(SurefireXmlReport.seconds(5)).isEqualTo("0.005");
        assertThat(SurefireXmlReport.seconds(1050)).isEqualTo("1.050");
        assertThat(SurefireXmlReport.seconds(-5)).isEqualTo("-0.005");
    }

    private static TestResult test(String name, TestStatus status, String message, String out, String err) {
        boolean problem = status == TestStatus.FAILED || status == TestStatus.ERROR;
        return new TestResult("[engine:x]/[method:" + name + "]", name + "()", name, "com.acme.FooTest", status, 5,
                message, problem ? "java.lang.AssertionError" : null,
                problem ? "java.lang.AssertionError: trace\n\tat x.Y.z(Y.java:1)" : null, out, err);
    }
}
