package dev.isolane.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.TestStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evidence a worker thread leaves: written through a mapping, read back from the file as a crash leaves it. */
class TraceSlotTest {

    @TempDir
    Path dir;

    @Test
    void aReaderFindsTheClassItsOutputAndWhichTestsWerePlannedStartedAndFinished() throws IOException {
        TraceSlot slot = TraceSlot.create(dir.resolve("isolane-shared-1.trace"));
        slot.begin("com.acme.FooTest");
        slot.planned(test("a"));
        slot.planned(test("b"));
        slot.planned(test("c"));
        slot.started(test("a"));
        slot.output(bytes("first line\n"), 0, 11);
        slot.finished(test("a"), TestStatus.FAILED);
        slot.started(test("b"));

        TraceSlot.Evidence evidence = TraceSlot.find(dir, "com.acme.FooTest");

        assertThat(evidence.output()).isEqualTo("first line\n");
        assertThat(evidence.planned()).extracting(TraceSlot.TestRef::uniqueId).containsExactly("[t:a]", "[t:b]",
                "[t:c]");
        assertThat(evidence.running()).containsExactly(test("b"));
        assertThat(evidence.finished()).containsExactly(new TraceSlot.FinishedTest(test("a"), TestStatus.FAILED));
        assertThat(evidence.incomplete()).isFalse();
        assertThat(TraceSlot.find(dir, "com.acme.OtherTest")).isEqualTo(TraceSlot.Evidence.NONE);
    }

    @Test
    void aSentBatchLeavesOnlyTheTestsStillRunningAndTheNextClassStartsClean() throws IOException {
        TraceSlot slot = TraceSlot.create(dir.resolve("isolane-shared-1.trace"));
        slot.begin("com.acme.FooTest");
        slot.started(test("a"));
        slot.started(test("b"));
        slot.finished(test("a"), TestStatus.PASSED);

        slot.batchSent(List.of(test("b")));

        TraceSlot.Evidence evidence = TraceSlot.find(dir, "com.acme.FooTest");
        assertThat(evidence.running()).containsExactly(test("b"));
        assertThat(evidence.finished()).isEmpty();

        slot.end();
        assertThat(TraceSlot.find(dir, "com.acme.FooTest")).isEqualTo(TraceSlot.Evidence.NONE);
        slot.begin("com.acme.BarTest");
        TraceSlot.Evidence next = TraceSlot.find(dir, "com.acme.BarTest");
        assertThat(next.running()).isEmpty();
        assertThat(next.output()).isEmpty();
    }

    @Test
    void onlyTheLastOutputIsKept() throws IOException {
        TraceSlot slot = TraceSlot.create(dir.resolve("t.trace"));
        slot.begin("com.acme.FooTest");
        byte[] flood = bytes("x".repeat(3 * TraceSlot.TAIL_CAPACITY) + "the end\n");
        slot.output(flood, 0, flood.length);

        String output = TraceSlot.find(dir, "com.acme.FooTest").output();

        assertThat(output).startsWith("[...]").endsWith("the end\n").hasSize(TraceSlot.TAIL_CAPACITY + 5);
    }

    @Test
    void aJournalThatRunsOutOfRoomSaysSo() throws IOException {
        TraceSlot slot = TraceSlot.create(dir.resolve("t.trace"));
        slot.begin("com.acme.FooTest");
        String longName = "n".repeat(2000);
        int written = 0;
        while (written * 4 * 2000 < TraceSlot.JOURNAL_CAPACITY * 2) {
            slot.started(new TraceSlot.TestRef("[t:" + written + "]", longName, longName, longName));
            written++;
        }

        TraceSlot.Evidence evidence = TraceSlot.find(dir, "com.acme.FooTest");

        assertThat(evidence.incomplete()).isTrue();
        assertThat(evidence.running()).isNotEmpty().hasSizeLessThan(written);
    }

    @Test
    void aMissingShortOrForeignFileIsNoEvidence() throws IOException {
        Files.write(dir.resolve("short.trace"), new byte[10]);
        Files.write(dir.resolve("zeros.trace"), new byte[TraceSlot.SIZE]);
        assertThat(TraceSlot.find(dir, "com.acme.FooTest")).isEqualTo(TraceSlot.Evidence.NONE);
        assertThat(TraceSlot.find(dir.resolve("missing"), "com.acme.FooTest")).isEqualTo(TraceSlot.Evidence.NONE);
        assertThat(TraceSlot.find(null, "com.acme.FooTest")).isEqualTo(TraceSlot.Evidence.NONE);
    }

    private static TraceSlot.TestRef test(String name) {
        return new TraceSlot.TestRef("[t:" + name + "]", name + "()", name, "com.acme.FooTest");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
