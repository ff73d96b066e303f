package dev.isolane.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsynchronizedWriterTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfWriteLandsInOrderAcrossBufferBoundariesAsUtf8() throws Exception {
        Path file = dir.resolve("out.txt");
        StringBuilder expected = new StringBuilder();
        String big = "\u2603 snow \ud83d\ude00 ".repeat(40); // longer than the buffer; its surrogate pairs fall across the buffer's ends
        try (UnsynchronizedWriter out = new UnsynchronizedWriter(file, 16)) {
            for (int i = 0; i < 50; i++) {
                out.write('a' + i % 26);
                expected.append((char) ('a' + i % 26));
                out.write("line " + i + "\n");
                expected.append("line ").append(i).append('\n');
                String plain = "0123456789".repeat(8);
                out.write(plain.toCharArray(), 3, 7 + i);
                expected.append(plain, 3, 10 + i);
                out.append("\u00e9t\u00e9");
                expected.append("\u00e9t\u00e9");
                if (i % 10 == 0) {
                    out.write(big);
                    expected.append(big);
                    out.flush();
                }
            }
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }
}
