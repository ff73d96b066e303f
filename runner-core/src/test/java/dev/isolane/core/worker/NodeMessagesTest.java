package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.protocol.FailureInfo;
import dev.isolane.core.protocol.Message;
import dev.isolane.core.protocol.MessageCodec;
import dev.isolane.core.protocol.NodeInfo;
import dev.isolane.core.protocol.NodeOutcome;
import dev.isolane.core.protocol.SourceInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.opentest4j.AssertionFailedError;

/** The messages a forked class streams to the JVM that replays it: they survive the codec and lose nothing. */
class NodeMessagesTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void everyStreamedMessageSurvivesTheCodec() throws Exception {
        FailureInfo failure = Failures.describe(new IllegalStateException("outer", new RuntimeException("inner")));
        List<Message> messages = List.of(
                new Message.RunNodes("com.acme.FooTest", List.of("[engine:junit-jupiter]/[class:com.acme.FooTest]"),
                        Map.of("junit.jupiter.execution.parallel.enabled", "true")),
                new Message.NodeRegistered(new NodeInfo("[engine:x]/[a:1]", "[engine:x]", "word \"beta\"", "beta",
                        "TEST", new SourceInfo("method", "com.acme.FooTest", "words", "java.lang.String", 0, 0),
                        List.of("slow"))),
                new Message.NodeStarted("[engine:x]/[a:1]"),
                new Message.NodeSkipped("[engine:x]/[a:2]", "not today"),
                new Message.NodeFinished("[engine:x]/[a:1]", NodeOutcome.FAILED, failure),
                new Message.NodeReported("[engine:x]/[a:1]", Map.of("pid", "42")),
                new Message.NodeFile("[engine:x]/[a:1]", "/tmp/shot.png", "image/png"),
                new Message.Output(true, "ünïcode line\n"),
                new Message.NodesDone(null),
                new Message.DumpThreads(),
                new Message.ThreadDump("\"main\" #1 RUNNABLE\n"));
        for (Message message : messages) {
            byte[] encoded = codec.encode(message);
            assertThat(codec.decode(encoded)).as(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(message);
        }
    }

    @Test
    void aFailureKeepsTypeMessageFramesCausesAndComparedValues() {
        AssertionFailedError assertion = new AssertionFailedError("differs", "expected", "actual");
        assertion.addSuppressed(new IllegalArgumentException("also this"));
        FailureInfo info = Failures.describe(assertion);
        assertThat(info.type()).isEqualTo(AssertionFailedError.class.getName());
        assertThat(info.text()).isEqualTo(assertion.toString());
        assertThat(info.expected()).isEqualTo("expected");
        assertThat(info.actual()).isEqualTo("actual");
        assertThat(info.frames().get(0).toElement()).isEqualTo(assertion.getStackTrace()[0]);
        assertThat(info.suppressed()).singleElement().extracting(FailureInfo::message).isEqualTo("also this");
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        FailureInfo info = Failures.describe(first);
        assertThat(info.cause().message()).isEqualTo("second");
        assertThat(info.cause().cause()).isNull();
    }

    @Test
    void sourcesBecomePlainValues() {
        assertThat(Sources.describe(MethodSource.from("com.acme.FooTest", "words", "java.lang.String")))
                .isEqualTo(new SourceInfo("method", "com.acme.FooTest", "words", "java.lang.String", 0, 0));
        assertThat(Sources.describe(ClassSource.from("com.acme.FooTest", FilePosition.from(12, 3))))
                .isEqualTo(new SourceInfo("class", "com.acme.FooTest", null, null, 12, 3));
    }

    @Test
    void aThreadDumpShowsEveryFrameOfThisThread() {
        String dump = ThreadDumps.all();
        assertThat(dump).contains("\"" + Thread.currentThread().getName() + "\"")
                .contains(getClass().getName() + ".aThreadDumpShowsEveryFrameOfThisThread");
    }
}
