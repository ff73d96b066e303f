package dev.isolane.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written JSON of the messages every class sends: the same as Gson's reflection, both ways. */
class HotMessageAdaptersTest {

    private final MessageCodec codec = new MessageCodec();
    /** What the codec used for every message before the hand-written adapters. */
    private final Gson reflective = new GsonBuilder().disableHtmlEscaping().create();

    /** Every field set, each to a value of its own, with the characters JSON must escape. */
    private static TestResult full(TestStatus status) {
        return new TestResult("[engine:junit-jupiter]/[class:a.B]/[method:c(int)]", "c(int) \"one\"", "c", "a.B$Inner",
                status, 1234, "expected <1> but was <2>\n\u0000 \u2603 </script>", "org.opentest4j.AssertionFailedError",
                "trace\n\tat a.B.c(B.java:3)", "printed\r\n", "warned\t");
    }

    static Stream<Message> hotMessages() {
        TestResult bare = new TestResult("[engine:x]/[test:y]", null, null, null, TestStatus.SKIPPED, 0, null, null,
                null, null, null);
        TestResult flaky = full(TestStatus.PASSED).withReruns(List.of(full(TestStatus.FAILED), full(TestStatus.ERROR)));
        return Stream.of(
                new Message.RunClass("a.B"),
                new Message.RunClass("a.B", List.of("[engine:x]/[test:1]", "[engine:x]/[test:2]")),
                new Message.ClassStarted("a.B", "isolane-shared-3", 1_700_000_000_000L),
                new Message.ClassStarted("a.B", null, 0),
                new Message.TestsFinished("a.B", List.of()),
                new Message.TestsFinished("a.B", List.of(full(TestStatus.FAILED), bare, flaky,
                        full(TestStatus.SKIPPED))),
                new Message.ClassFinished("a.B", 5, "", ""),
                new Message.ClassFinished("a.B", 1_700_000_000_500L, "out\n", "err\n", List.of(bare, flaky),
                        MessageCodecTest.state(), Map.of("java.version", "17", "line.separator", "\n", "empty", "")),
                new Message.ClassFinished("a.B", 7, null, null, List.of(full(TestStatus.ERROR)), null, Map.of()));
    }

    @ParameterizedTest
    @MethodSource("hotMessages")
    void writesWhatGsonsReflectionWrites(Message message) {
        String body = json(codec.encode(message));
        assertThat(body).endsWith(",\"body\":" + reflective.toJson(message) + "}");
    }

    @ParameterizedTest
    @MethodSource("hotMessages")
    void everyFieldSurvivesARoundTrip(Message message) throws Exception {
        assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("hotMessages")
    void readsWhatGsonsReflectionWrites(Message message) throws Exception {
        String type = json(codec.encode(message)).replaceAll("^\\{\"v\":1,\"type\":\"([a-z-]+)\".*", "$1");
        String envelope = "{\"v\":1,\"type\":\"" + type + "\",\"body\":" + reflective.toJson(message) + "}";
        assertThat(decode(envelope)).isEqualTo(message);
    }

    @Test
    void eachTestStatusIsWrittenByItsLabel() throws Exception {
        for (TestStatus status : TestStatus.values()) {
            Message message = new Message.TestsFinished("a.B", List.of(full(status)));
            assertThat(json(codec.encode(message))).contains("\"status\":\"" + status.label() + "\"");
            assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void fieldsAnOlderPeerLeavesOutAreEmptyAndFieldsANewerOneAddsAreSkipped() throws Exception {
        assertThat(decode("{\"v\":1,\"type\":\"class-finished\",\"body\":{\"className\":\"a.B\",\"endMillis\":9,"
                + "\"stdout\":\"o\",\"stderr\":\"e\"}}"))
                .isEqualTo(new Message.ClassFinished("a.B", 9, "o", "e"));
        assertThat(decode("{\"v\":1,\"type\":\"class-started\",\"body\":{\"className\":\"a.B\",\"cpu\":{\"a\":[1]},"
                + "\"thread\":\"t\",\"startMillis\":3,\"later\":null}}"))
                .isEqualTo(new Message.ClassStarted("a.B", "t", 3));
        assertThat(decode("{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\",\"results\":["
                + "{\"uniqueId\":\"u\",\"status\":\"passed\",\"attempt\":2}]}}"))
                .isEqualTo(new Message.TestsFinished("a.B", List.of(new TestResult("u", null, null, null,
                        TestStatus.PASSED, 0, null, null, null, "", ""))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a status this version does not know
        "{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\",\"results\":[{\"uniqueId\":\"u\","
                + "\"status\":\"exploded\"}]}}",
        // a result without the id it is keyed by
        "{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\",\"results\":[{\"status\":\"passed\"}]}}",
        // a number that is not one
        "{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\",\"results\":[{\"uniqueId\":\"u\","
                + "\"status\":\"passed\",\"durationMillis\":\"long\"}]}}",
        // a negative duration
        "{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\",\"results\":[{\"uniqueId\":\"u\","
                + "\"status\":\"passed\",\"durationMillis\":-1}]}}",
        // a batch without its results, or results that are not a list
        "{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\"}}",
        "{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\",\"results\":{}}}",
        "{\"v\":1,\"type\":\"class-finished\",\"body\":{\"className\":\"a.B\",\"results\":\"none\"}}",
        // a system property without a value, properties that are not an object
        "{\"v\":1,\"type\":\"class-finished\",\"body\":{\"className\":\"a.B\",\"systemProperties\":{\"a\":null}}}",
        "{\"v\":1,\"type\":\"class-finished\",\"body\":{\"className\":\"a.B\",\"systemProperties\":[\"a\"]}}",
        // a state without its class
        "{\"v\":1,\"type\":\"class-finished\",\"body\":{\"className\":\"a.B\",\"state\":{\"accesses\":[]}}}",
        // a list of ids that holds an object, a start that is text
        "{\"v\":1,\"type\":\"run-class\",\"body\":{\"className\":\"a.B\",\"only\":[{}]}}",
        "{\"v\":1,\"type\":\"class-started\",\"body\":{\"className\":\"a.B\",\"startMillis\":true}}",
        // cut short
        "{\"v\":1,\"type\":\"class-finished\",\"body\":{\"className\":\"a.B\",\"results\":[{\"uniqueId\":\"u\"",
    })
    void malformedBodiesAreProtocolErrors(String envelope) {
        assertThatThrownBy(() -> decode(envelope)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aFieldOfTheWrongKindIsNamed() {
        assertThatThrownBy(() -> decode("{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\","
                + "\"results\":[{\"uniqueId\":\"u\",\"status\":\"passed\",\"durationMillis\":\"long\"}]}}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("malformed \"tests-finished\" message")
                .hasMessageContaining("durationMillis");
        assertThatThrownBy(() -> decode("{\"v\":1,\"type\":\"tests-finished\",\"body\":{\"className\":\"a.B\","
                + "\"results\":[{\"uniqueId\":\"u\",\"status\":\"exploded\"}]}}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown test status 'exploded'");
    }

    private Message decode(String json) throws ProtocolException {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }
}
