package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.protocol.FailureInfo;
import dev.isolane.core.protocol.SourceInfo;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.opentest4j.AssertionFailedError;

/** How a fork describes failures, sources and its threads for the JVM that replays it. */
class NodeMessagesTest {

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
        String dump = ThreadDumper.dump();
        assertThat(dump).contains("\"" + Thread.currentThread().getName() + "\"")
                .contains(getClass().getName() + ".aThreadDumpShowsEveryFrameOfThisThread");
    }
}
