package dev.isolane.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTailTest {

    @TempDir
    Path dir;

    @Test
    void keepsWhatFitsAsItWasWritten() throws Exception {
        Path file = dir.resolve(OutputTail.fileName("com.acme.FooTest"));
        OutputTail tail = OutputTail.create(file);
        write(tail, "first line\n");
        write(tail, "second line\n");
        assertThat(OutputTail.read(file)).isEqualTo("first line\nsecond line\n");
    }

    @Test
    void keepsTheLastBytesOnceTheRingWrapsWhateverTheWriteSizes() throws Exception {
        Path file = dir.resolve("wrap.tail");
        OutputTail tail = OutputTail.create(file);
        StringBuilder everything = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String line = "line " + i + "\n";
            write(tail, line);
            everything.append(line);
        }
        write(tail, "x".repeat(3 * OutputTail.CAPACITY));
        write(tail, "the end\n");
        everything.append("x".repeat(3 * OutputTail.CAPACITY)).append("the end\n");
        String expected = everything.substring(everything.length() - OutputTail.CAPACITY);
        assertThat(OutputTail.read(file)).isEqualTo("[...]" + expected);
    }

    @Test
    void aMissingOrDamagedFileReadsAsNothing() throws Exception {
        assertThat(OutputTail.read(dir.resolve("missing.tail"))).isEmpty();
        Files.writeString(dir.resolve("short.tail"), "garbage");
        assertThat(OutputTail.read(dir.resolve("short.tail"))).isEmpty();
        OutputTail.create(dir.resolve("empty.tail"));
        assertThat(OutputTail.read(dir.resolve("empty.tail"))).isEmpty();
    }

    private static void write(OutputTail tail, String text) {
        byte[] bytes = ("<" + text).getBytes(StandardCharsets.UTF_8);
        tail.write(bytes, 1, bytes.length - 1);
    }
}
