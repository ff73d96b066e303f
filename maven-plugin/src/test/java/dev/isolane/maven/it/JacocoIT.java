package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * JaCoCo's prepare-agent with Isolane: every worker JVM, shared and isolated, writes into jacoco.exec when it exits,
 * so the report covers code that only an isolated class runs; {@code @{argLine}} and {@code ${surefire.forkNumber}}
 * in the plugin's argLine are replaced as Surefire replaces them.
 */
class JacocoIT {

    @Test
    void coverageComesFromTheSharedAndTheIsolatedJvms() throws Exception {
        BuildResult build = MavenBuild.project("jacoco").run();

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(build.directory().resolve("target/jacoco.exec")).isNotEmptyFile();
        Path xml = build.directory().resolve("target/site/jacoco/jacoco.xml");
        assertThat(xml).as(build.log()).exists();
        Document report = parse(xml);
        assertThat(coveredLines(report, "com/acme/Shared")).isPositive();
        assertThat(coveredLines(report, "com/acme/OnlyIsolated")).isEqualTo(2);
        assertThat(coveredLines(report, "com/acme/Untested")).isZero();
    }

    private static int coveredLines(Document report, String className) {
        NodeList classes = report.getElementsByTagName("class");
        for (int i = 0; i < classes.getLength(); i++) {
            Element type = (Element) classes.item(i);
            if (type.getAttribute("name").equals(className)) {
                NodeList counters = type.getChildNodes();
                for (int j = 0; j < counters.getLength(); j++) {
                    if (counters.item(j) instanceof Element counter && counter.getTagName().equals("counter")
                            && counter.getAttribute("type").equals("LINE")) {
                        return Integer.parseInt(counter.getAttribute("covered"));
                    }
                }
            }
        }
        throw new AssertionError("no LINE counter for " + className + " in the JaCoCo report");
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // jacoco.xml names a DTD that is not shipped; do not fetch it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(Files.newInputStream(xml));
    }
}
