package dev.isolane.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.ReportOptions;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.model.Totals;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apiguardian.api.API;

/**
 * Writes {@code TEST-<class>.xml} in the format of Surefire's {@code surefire-test-report.xsd}, so every CI server
 * and report plugin that reads Surefire's reports reads Isolane's.
 */
@API(status = INTERNAL, since = "0.1")
public final class SurefireXmlReport {

    static final String SCHEMA_LOCATION =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report.xsd";

    /** One factory for every file: finding one is a service lookup, which thousands of classes would repeat. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private SurefireXmlReport() {}

    public static Path write(Path reportsDirectory, ClassResult result) throws IOException {
        return write(reportsDirectory, result, ReportOptions.DEFAULTS);
    }

    /** Write the class's report as the options say: its name, and which properties and output it holds. */
    public static Path write(Path reportsDirectory, ClassResult result, ReportOptions options) throws IOException {
        Path file = reportsDirectory.resolve(options.xmlFileName(result.className()));
        // Through a Writer: given an OutputStream, the JDK's writer encodes char by char into it, one synchronized
        // write(int) per byte, a third of the Maven JVM's samples on 5,000 classes; a Writer takes whole strings.
        try (Writer out = new UnsynchronizedWriter(file, 8 * 1024)) {
            XMLStreamWriter xml;
            synchronized (FACTORY) { // two runs in one Maven JVM (mvn -T2) write at once; factories promise no safety
                xml = FACTORY.createXMLStreamWriter(out);
            }
            write(xml, out, result, options);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void write(XMLStreamWriter xml, Writer out, ClassResult result, ReportOptions options)
            throws XMLStreamException, IOException {
        Totals totals = result.totals();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "noNamespaceSchemaLocation", SCHEMA_LOCATION);
        xml.writeAttribute("name", XmlText.sanitize(options.reportedClassName(result.className())));
        xml.writeAttribute("time", seconds(result.durationMillis()));
        xml.writeAttribute("tests", String.valueOf(totals.tests()));
        xml.writeAttribute("errors", String.valueOf(totals.errors()));
        xml.writeAttribute("skipped", String.valueOf(totals.skipped()));
        xml.writeAttribute("failures", String.valueOf(totals.failed()));
        // Surefire's enablePropertiesElement=false keeps the properties of classes with a test that did not pass.
        if (options.propertiesElement() || result.tests().stream().anyMatch(t -> t.status() != TestStatus.PASSED)) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            if (!result.systemProperties().isEmpty()) {
                xml.writeCharacters(""); // ends the start tag, so that the lines written past the writer follow it
                xml.flush();
                out.write(renderedProperties(result.systemProperties()));
            }
            property(xml, "isolane.lane", result.lane().label());
            property(xml, "isolane.pid", String.valueOf(result.pid()));
            property(xml, "isolane.thread", result.thread());
            property(xml, "isolane.outcome", result.outcome().label());
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
        }
        for (TestResult test : result.tests()) {
            testCase(xml, test, options);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    /**
     * The lines of these system properties as the XML writer itself writes them, kept for the next class: the classes
     * of a run carry the same few sets of properties (a worker sends them only when they change), and writing their
     * 60 or so lines again for each of thousands of files was the largest part of the reports' time.
     */
    private static String renderedProperties(Map<String, String> properties) throws XMLStreamException {
        RenderedProperties last = lastRendered;
        if (last != null && last.properties().equals(properties)) {
            return last.xml();
        }
        StringWriter text = new StringWriter();
        XMLStreamWriter xml;
        synchronized (FACTORY) {
            xml = FACTORY.createXMLStreamWriter(text);
        }
        xml.writeStartElement("properties");
        xml.writeCharacters("");
        xml.flush();
        int start = text.getBuffer().length();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            property(xml, property.getKey(), property.getValue());
        }
        xml.writeCharacters(""); // ends the last empty element, which the writer keeps open for more attributes
        xml.flush();
        String rendered = text.getBuffer().substring(start);
        lastRendered = new RenderedProperties(properties, rendered);
        return rendered;
    }

    /** Properties and their lines; read and replaced by whichever thread writes a file. */
    private record RenderedProperties(Map<String, String> properties, String xml) {}

    private static volatile RenderedProperties lastRendered;

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", XmlText.sanitize(name));
        xml.writeAttribute("value", XmlText.sanitize(value));
    }

    private static void testCase(XMLStreamWriter xml, TestResult test, ReportOptions options)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", XmlText.sanitize(test.reportName() == null ? "" : test.reportName()));
        xml.writeAttribute("classname", XmlText.sanitize(options.reportedClassName(test.reportClass())));
        xml.writeAttribute("time", seconds(test.durationMillis()));
        if (test.isFlaky()) {
            // Surefire's flake: the passing run's entry, with each failed run inside flakyFailure/flakyError; the
            // schema wants every flakyFailure before any flakyError.
            for (TestStatus kind : List.of(TestStatus.FAILED, TestStatus.ERROR)) {
                for (TestResult run : test.reruns()) {
                    if ((run.status() == TestStatus.FAILED) == (kind == TestStatus.FAILED)) {
                        rerun(xml, kind == TestStatus.FAILED ? "flakyFailure" : "flakyError", run);
                    }
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            return;
        }
        switch (test.status()) {
            case FAILED -> problem(xml, "failure", test);
            case ERROR -> problem(xml, "error", test);
            case SKIPPED -> {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("skipped");
                if (test.message() != null) {
                    xml.writeAttribute("message", XmlText.sanitize(test.message()));
                }
            }
            case PASSED -> { }
        }
        // The schema's order: the first problem, each rerun's, then the output. The schema only lets rerunFailure
        // follow a failure and rerunError an error, so reruns take the first run's kind; "type" keeps their own.
        for (TestResult run : test.reruns()) {
            rerun(xml, test.status() == TestStatus.FAILED ? "rerunFailure" : "rerunError", run);
        }
        // Surefire's enableOutErrElements=false drops only a passing test's output.
        if (options.outErrElements() || test.status() != TestStatus.PASSED) {
            output(xml, "system-out", test.stdout());
            output(xml, "system-err", test.stderr());
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** One more run of a test: its problem, with the trace and output nested inside, as Surefire writes reruns. */
    private static void rerun(XMLStreamWriter xml, String element, TestResult run) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        if (run.message() != null) {
            xml.writeAttribute("message", XmlText.sanitize(run.message()));
        }
        xml.writeAttribute("type", XmlText.sanitize(run.failureType() == null ? "" : run.failureType()));
        xml.writeCharacters("\n      ");
        xml.writeStartElement("stackTrace"); // required by the schema, even when empty
        cdata(xml, run.stackTrace());
        xml.writeEndElement();
        output(xml, "system-out", run.stdout());
        output(xml, "system-err", run.stderr());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, TestResult test) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        if (test.message() != null) {
            xml.writeAttribute("message", XmlText.sanitize(test.message()));
        }
        xml.writeAttribute("type", XmlText.sanitize(test.failureType() == null ? "" : test.failureType()));
        cdata(xml, test.stackTrace());
        xml.writeEndElement();
    }

    private static void output(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        if (text == null || text.isEmpty()) {
            return;
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        cdata(xml, text);
        xml.writeEndElement();
    }

    /** CDATA cannot contain "]]>", so it is split across two sections. */
    private static void cdata(XMLStreamWriter xml, String text) throws XMLStreamException {
        if (text == null || text.isEmpty()) {
            return;
        }
        String clean = XmlText.sanitize(text);
        int start = 0;
        int end;
        while ((end = clean.indexOf("]]>", start)) >= 0) {
            xml.writeCData(clean.substring(start, end + 2));
            start = end + 2;
        }
        xml.writeCData(clean.substring(start));
    }

    /** Surefire's time format: seconds with up to three decimals, dot separated, no grouping. */
    static String seconds(long millis) {
        // Called for every test of every class: String.format cost more than the rest of the report together.
        long whole = millis / 1000;
        long fraction = Math.abs(millis % 1000);
        String sign = millis < 0 && whole == 0 ? "-" : "";
        return sign + whole + "." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + fraction;
    }
}
