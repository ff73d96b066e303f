package dev.isolane.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.isolane.core.model.TestClass;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec();

    static Stream<Message> oneOfEach() {
        TestResult result = new TestResult("[engine:junit-jupiter]/[class:a.B]/[method:c()]", "c()", "c", "a.B",
                TestStatus.FAILED, 12, "expected <1> but was <2>\n\"quoted\" \u0000 \u2603", "java.lang.AssertionError",
                "java.lang.AssertionError\n\tat a.B.c(B.java:3)", "out", "err");
        return Stream.of(
                new Message.Hello("secret", "shared-1", 1234, "17.0.15"),
                new Message.Discover(List.of("a.B", "a.C")),
                new Message.Discovered(List.of(new TestClass("a.B", true)), List.of("a.D: NoClassDefFoundError")),
                new Message.Configure("FooTest#bar*", List.of("fast"), List.of("slow & db")),
                new Message.Configure(null, List.of(), List.of(), List.of("junit-jupiter"), List.of("junit-vintage"),
                        java.util.Map.of("junit.jupiter.execution.parallel.enabled", "true"),
                        java.util.Map.of("junit.jupiter.execution.order.random.seed", "42"), true, true),
                new Message.RunClass("a.B"),
                new Message.RunClass("a.B", List.of("[engine:junit-jupiter]/[class:a.B]/[method:c()]")),
                new Message.ClassStarted("a.B", "isolane-shared-1", 1_700_000_000_000L),
                new Message.TestsFinished("a.B", List.of(result, result.withReruns(List.of(result)))),
                new Message.ClassFinished("a.B", 1_700_000_000_500L, "line1\nline2", ""),
                new Message.ClassFinished("a.B", 1_700_000_000_500L, "o", "e", List.of(result), state(),
                        java.util.Map.of("java.version", "17.0.15", "user.dir", "/p")),
                new Message.Shutdown(),
                new Message.WorkerFailure("boom", "trace"),
                new Message.ProcessesLeft(List.of("a.B"), List.of("/bin/sleep 600 (pid 7)"), true),
                new Message.RunNodes("a.B", List.of("[engine:junit-jupiter]/[class:a.B]"),
                        java.util.Map.of("junit.jupiter.execution.parallel.enabled", "true")),
                new Message.NodeRegistered(new NodeInfo("[engine:x]/[a:1]", "[engine:x]", "word \"beta\"", "beta",
                        "TEST", new SourceInfo("method", "a.B", "words", "java.lang.String", 0, 0), List.of("slow"))),
                new Message.NodeStarted("[engine:x]/[a:1]"),
                new Message.NodeSkipped("[engine:x]/[a:2]", "not today"),
                new Message.NodeFinished("[engine:x]/[a:1]", NodeOutcome.FAILED, failure()),
                new Message.NodeReported("[engine:x]/[a:1]", java.util.Map.of("pid", "42")),
                new Message.NodeFile("[engine:x]/[a:1]", "/tmp/shot.png", "image/png"),
                new Message.Output(true, "\u00fcn\u00efcode line\n"),
                new Message.NodesDone(null),
                new Message.DumpThreads(),
                new Message.ThreadDump("\"main\" #1 RUNNABLE\n"),
                new Message.ExitIntercepted("a.B", "System.exit", 3, "isolane-shared-1", "trace", "test exits()"),
                new Message.WorkerExiting("isolane-shared-2", null, "\tat java.lang.System.exit(System.java:1)\n"));
    }

    static dev.isolane.core.model.ClassState state() {
        return new dev.isolane.core.model.ClassState("a.B", java.util.List.of(
                new dev.isolane.core.model.StateAccess(new dev.isolane.core.model.StateKey(
                        dev.isolane.core.model.StateKind.DEFAULT_LOCALE, "default Locale"), true, true, true, false)),
                java.util.List.of(new dev.isolane.core.model.ClassState.Unattributed(
                        new dev.isolane.core.model.StateKey(dev.isolane.core.model.StateKind.STATIC_FIELD, "a.C.x"),
                        3, java.util.List.of("a.B"))));
    }

    /** A failure with a cause and a suppressed one, as a fork describes it. */
    private static FailureInfo failure() {
        FailureInfo.Frame frame = new FailureInfo.Frame("app", null, null, "a.B", "c", "B.java", 3);
        FailureInfo cause = new FailureInfo("java.io.IOException", "disk", "java.io.IOException: disk",
                List.of(frame), null, List.of(), null, null);
        return new FailureInfo("org.opentest4j.AssertionFailedError", "differs", "...: differs", List.of(frame), cause,
                List.of(cause), "1", "2");
    }

    @ParameterizedTest
    @MethodSource("oneOfEach")
    void everyMessageSurvivesARoundTrip(Message message) throws Exception {
        assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
    }

    @Test
    void theTestCoversEveryMessageType() {
        Set<Class<?>> covered = oneOfEach().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(Message.class.getPermittedSubclasses());
    }

    @Test
    void anEnvelopeNamesVersionAndType() {
        String json = new String(codec.encode(new Message.RunClass("a.B")), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"v\":1,\"type\":\"run-class\",\"body\":{\"className\":\"a.B\",\"only\":[]}}");
    }

    @Test
    void fieldsAddedLaterDecodeAsEmptyWhenAnOlderPeerLeavesThemOut() throws Exception {
        assertThat(decode("{\"v\":1,\"type\":\"run-class\",\"body\":{\"className\":\"a.B\"}}"))
                .isEqualTo(new Message.RunClass("a.B"));
        assertThat(decode("{\"v\":1,\"type\":\"configure\",\"body\":{}}"))
                .isEqualTo(new Message.Configure(null, List.of(), List.of()));
    }

    @Test
    void aWrongVersionNamesBothVersions() {
        assertThatThrownBy(() -> decode("{\"v\":2,\"type\":\"run-class\",\"body\":{\"className\":\"a.B\"}}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("protocol version 2 received")
                .hasMessageContaining("speaks version 1");
    }

    @Test
    void aMissingVersionIsRejected() {
        assertThatThrownBy(() -> decode("{\"type\":\"run-class\",\"body\":{}}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("protocol version null");
    }

    @Test
    void anUnknownTypeIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> decode("{\"v\":1,\"type\":\"launch-missiles\",\"body\":{}}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("unknown message type \"launch-missiles\"")
                .hasMessageContaining("run-class");
    }

    @Test
    void somethingThatIsNotJsonIsRejected() {
        assertThatThrownBy(() -> decode("Tests run: 3, Failures: 0")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decode("[1,2]")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void aBodyOfTheWrongShapeIsRejected() {
        assertThatThrownBy(() -> decode("{\"v\":1,\"type\":\"class-started\",\"body\":{\"startMillis\":\"soon\"}}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> decode("{\"v\":1,\"type\":\"shutdown\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("no body");
    }

    private Message decode(String json) throws ProtocolException {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }
}
