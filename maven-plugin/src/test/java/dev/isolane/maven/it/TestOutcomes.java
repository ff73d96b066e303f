package dev.isolane.maven.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The outcome of every test case in a directory of Surefire-format reports ({@code TEST-*.xml}), keyed by
 * {@code classname#name}, so two runners' reports can be compared test for test. Outcomes: passed, failure, error,
 * skipped, flaky.
 */
public record TestOutcomes(Map<String, String> byTest) {

    public static TestOutcomes read(Path reportsDirectory) {
        Map<String, String> byTest = new TreeMap<>();
        try (Stream<Path> files = Files.list(reportsDirectory)) {
            for (Path file : files.filter(TestOutcomes::isReport).sorted().toList()) {
                NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                        .getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element testCase = (Element) cases.item(i);
                    String key = testCase.getAttribute("classname") + "#" + testCase.getAttribute("name");
                    String unique = key;
                    for (int n = 2; byTest.containsKey(unique); n++) {
                        unique = key + " (" + n + ")";
                    }
                    byTest.put(unique, outcome(testCase));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reports in " + reportsDirectory, e);
        } catch (Exception e) {
            throw new AssertionError("cannot parse reports in " + reportsDirectory + ": " + e, e);
        }
        return new TestOutcomes(byTest);
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    private static String outcome(Element testCase) {
        for (String problem : List.of("failure", "error", "skipped")) {
            if (testCase.getElementsByTagName(problem).getLength() > 0) {
                return problem;
            }
        }
        boolean flaky = testCase.getElementsByTagName("flakyFailure").getLength() > 0
                || testCase.getElementsByTagName("flakyError").getLength() > 0;
        return flaky ? "flaky" : "passed";
    }

    /** How many tests had each outcome. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        byTest.values().forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
        return counts;
    }

    /** One line per test whose outcome differs, or that only one side reported; empty when they agree. */
    public List<String> differencesFrom(TestOutcomes expected) {
        Set<String> keys = new TreeSet<>(byTest.keySet());
        keys.addAll(expected.byTest.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            String mine = byTest.getOrDefault(key, "(missing)");
            String theirs = expected.byTest.getOrDefault(key, "(missing)");
            if (!mine.equals(theirs)) {
                differences.add(key + ": expected " + theirs + ", was " + mine);
            }
        }
        return differences;
    }
}
