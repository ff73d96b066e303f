package dev.isolane.core.violation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.Confirmation;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeComparisonTest {

    private static final String WRITER = "com.acme.PolluterTest";
    private static final String READER = "com.acme.VictimTest";

    @Test
    void aTestThatPassesAloneAndFailsAfterTheWriterConfirmsWithItsMessage() {
        Confirmation confirmation = OutcomeComparison.compare(WRITER, READER,
                List.of(test("a", TestStatus.PASSED, null), test("b", TestStatus.PASSED, null)),
                List.of(test("a", TestStatus.PASSED, null), test("b", TestStatus.FAILED, "expected <a> but was <b>")));

        assertThat(confirmation).isEqualTo(Confirmation.confirmed(WRITER, READER, id("b"),
                "expected <a> but was <b>"));
    }

    @Test
    void aTestThatFailsAloneAndPassesAfterTheWriterConfirmsTheReverseDependence() {
        Confirmation confirmation = OutcomeComparison.compare(WRITER, READER,
                List.of(test("a", TestStatus.ERROR, "registry empty")), List.of(test("a", TestStatus.PASSED, null)));

        assertThat(confirmation.status()).isEqualTo(Confirmation.Status.CONFIRMED);
        assertThat(confirmation.test()).isEqualTo(id("a"));
        assertThat(confirmation.message()).isEqualTo("registry empty (fails alone, passed after PolluterTest)");
    }

    @Test
    void theSameOutcomesAreNotReproducedEvenWhenTheFailureMessagesDiffer() {
        Confirmation confirmation = OutcomeComparison.compare(WRITER, READER,
                List.of(test("a", TestStatus.PASSED, null), test("b", TestStatus.FAILED, "one"),
                        test("c", TestStatus.SKIPPED, "off")),
                List.of(test("c", TestStatus.SKIPPED, "off"), test("b", TestStatus.FAILED, "two"),
                        test("a", TestStatus.PASSED, null)));

        assertThat(confirmation).isEqualTo(Confirmation.notReproduced(WRITER, READER));
        assertThat(confirmation.test()).isNull();
        assertThat(confirmation.message()).isNull();
    }

    @Test
    void aClassLevelErrorAfterTheWriterConfirmsAndIsPreferredToOtherChanges() {
        TestResult initError = new TestResult("[engine:junit-jupiter]/[class:" + READER + "]", READER,
                TestResult.INITIALIZATION_ERROR, READER, TestStatus.ERROR, 0, null, "java.lang.IllegalStateException",
                "trace", "", "");
        Confirmation confirmation = OutcomeComparison.compare(WRITER, READER,
                List.of(test("a", TestStatus.PASSED, null)), List.of(initError));

        assertThat(confirmation.test()).isEqualTo(initError.uniqueId());
        assertThat(confirmation.message()).isEqualTo("java.lang.IllegalStateException"); // no message: its type
    }

    @Test
    void aTestSkippedOnlyAfterTheWriterConfirmsWithBothOutcomes() {
        Confirmation confirmation = OutcomeComparison.compare(WRITER, READER,
                List.of(test("a", TestStatus.PASSED, null)), List.of(test("a", TestStatus.SKIPPED, "no db")));

        assertThat(confirmation.isConfirmed()).isTrue();
        assertThat(confirmation.message()).isEqualTo("passed alone, skipped after PolluterTest: no db");
    }

    @Test
    void aTestThatRanOnOneSideOnlyConfirms() {
        assertThat(OutcomeComparison.compare(WRITER, READER, List.of(test("a", TestStatus.PASSED, null)),
                List.of(test("a", TestStatus.PASSED, null), test("b", TestStatus.PASSED, null))).message())
                .isEqualTo("ran only after PolluterTest");
        assertThat(OutcomeComparison.compare(WRITER, READER,
                List.of(test("a", TestStatus.PASSED, null), test("b", TestStatus.PASSED, null)),
                List.of(test("a", TestStatus.PASSED, null))).message())
                .isEqualTo("did not run after PolluterTest");
    }

    private static String id(String method) {
        return "[engine:junit-jupiter]/[class:" + READER + "]/[method:" + method + "()]";
    }

    private static TestResult test(String method, TestStatus status, String message) {
        return new TestResult(id(method), method + "()", method, READER, status, 1, message,
                status == TestStatus.PASSED ? null : "org.opentest4j.AssertionFailedError", null, "", "");
    }
}
