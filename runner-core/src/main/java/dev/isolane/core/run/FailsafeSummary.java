package dev.isolane.core.run;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.isolane.core.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apiguardian.api.API;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code failsafe-summary.xml}, byte for byte as Failsafe writes it (its {@code failsafe-summary.xsd}), so that
 * Failsafe's own {@code verify} goal and every tool that reads the file read Isolane's: the counts, the run's failure
 * ({@code xsi:nil} when none), the fork timeout, and the {@code result} attribute Failsafe keeps for compatibility
 * (255 when a test failed or errored, 254 when none ran, and the text {@code null} otherwise, as Failsafe prints it).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FailsafeSummary {

    public static final String FILE_NAME = "failsafe-summary.xml";
    static final String SCHEMA_LOCATION = "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/failsafe-summary.xsd";

    private FailsafeSummary() {}

    /**
     * Write a summary; with {@code addToExisting}, added to the one already there (a second {@code integration-test}
     * execution in the same build, whose results Failsafe adds up the same way).
     */
    public static void write(Path file, RunSummary summary, boolean addToExisting) throws IOException {
        RunSummary written = addToExisting && Files.isRegularFile(file) ? read(file).plus(summary) : summary;
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text(written), StandardCharsets.UTF_8);
    }

    static String text(RunSummary summary) {
        String failure = summary.failure() == null
                ? "<failureMessage xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>"
                : "<failureMessage>" + escape(summary.failure()) + "</failureMessage>";
        return String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<failsafe-summary xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:noNamespaceSchemaLocation=\"%s\" result=\"%s\" timeout=\"%s\">\n"
                        + "    <completed>%d</completed>\n"
                        + "    <errors>%d</errors>\n"
                        + "    <failures>%d</failures>\n"
                        + "    <skipped>%d</skipped>\n"
                        + "    <flakes>%d</flakes>\n"
                        + "    %s\n"
                        + "</failsafe-summary>",
                SCHEMA_LOCATION, result(summary), summary.timeout(), summary.completed(), summary.errors(),
                summary.failures(), summary.skipped(), summary.flakes(), failure);
    }

    /** Failsafe's compatibility code: 254 no tests, 255 not error-free, and its null otherwise. */
    private static String result(RunSummary summary) {
        if (summary.completed() == 0) {
            return "254";
        }
        boolean errorFree = summary.failures() == 0 && summary.errors() == 0 && summary.failure() == null;
        return errorFree ? "null" : "255";
    }

    /** XML 1.0 text: markup characters escaped, characters XML cannot hold dropped. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /**
     * Read a summary, Isolane's or Failsafe's; a missing {@code flakes} element, as in files from before Failsafe
     * 3.0.0-M6, is 0.
     *
     * @throws IOException when the file cannot be read or is not a summary, naming the file
     */
    public static RunSummary read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(in);
            Element root = document.getDocumentElement();
            if (!root.getTagName().equals("failsafe-summary")) {
                throw new IOException("Could not parse " + file + ": its root element is <" + root.getTagName()
                        + ">, not <failsafe-summary>");
            }
            String flakes = text(root, "flakes");
            String failure = text(root, "failureMessage");
            return new RunSummary(number(root, "completed", file), number(root, "errors", file),
                    number(root, "failures", file), number(root, "skipped", file),
                    flakes.isBlank() ? 0 : number(root, "flakes", file), failure.isBlank() ? null : failure,
                    Boolean.parseBoolean(root.getAttribute("timeout")));
        } catch (ParserConfigurationException | SAXException | IllegalArgumentException e) {
            throw new IOException("Could not parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Element root, String name) {
        NodeList nodes = root.getElementsByTagName(name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static int number(Element root, String name, Path file) throws IOException {
        String value = text(root, name).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IOException("Could not parse " + file + ": <" + name + "> is '" + value + "', not a number", e);
        }
    }
}
