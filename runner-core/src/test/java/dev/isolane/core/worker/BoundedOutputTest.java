package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundedOutputTest {

    @Test
    void keepsEverythingWithinTheBudget() {
        BoundedOutput output = new BoundedOutput(10, 5);
        write(output, "hello\n");
        write(output, "world\n");
        assertThat(output.text()).isEqualTo("hello\nworld\n");
    }

    @Test
    void keepsHeadAndTailAndSaysHowMuchWasDropped() {
        BoundedOutput output = new BoundedOutput(6, 4);
        write(output, "start\n");
        write(output, "x".repeat(1000));
        write(output, "end\n");
        assertThat(output.text()).isEqualTo("start\n[isolane: 1,000 bytes of output dropped here; the first 6 and"
                + " the last 4 bytes are kept]\nend\n");
    }

    @Test
    void survivesGigabytesWithoutGrowing() {
        BoundedOutput output = new BoundedOutput(16, 16);
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < 1024; i++) {
            output.write(chunk, 0, chunk.length);
        }
        assertThat(output.text()).contains("1,073,741,792 bytes of output dropped");
    }

    @Test
    void keepsTheHeadAndTheTailOfAnyMixOfWriteSizesAndSaysHowMuchWasDropped() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            BoundedOutput output = new BoundedOutput(random.nextInt(50), 1 + random.nextInt(50));
            ByteArrayOutputStream everything = new ByteArrayOutputStream();
            int writes = random.nextInt(40);
            for (int i = 0; i < writes; i++) {
                byte[] chunk = new byte[random.nextInt(120)];
                for (int j = 0; j < chunk.length; j++) {
                    chunk[j] = (byte) ('a' + random.nextInt(26));
                }
                int offset = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
                int length = chunk.length - offset;
                output.write(chunk, offset, length);
                everything.write(chunk, offset, length);
            }
            assertThat(output.text()).isEqualTo(expected(everything.toString(StandardCharsets.US_ASCII),
                    headOf(output), tailOf(output)));
        }
    }

    @Test
    void aTailOfNothingDropsEverythingAfterTheHead() {
        BoundedOutput output = new BoundedOutput(3, 0);
        output.write("abcdef".getBytes(StandardCharsets.US_ASCII), 0, 6);
        assertThat(output.text()).isEqualTo("abc\n[isolane: 3 bytes of output dropped here; the first 3 and the last 0"
                + " bytes are kept]\n");
    }

    private static int headOf(BoundedOutput output) {
        return output.headLimit();
    }

    private static int tailOf(BoundedOutput output) {
        return output.tailLimit();
    }

    private static String expected(String all, int head, int tail) {
        if (all.length() <= head + tail) {
            return all;
        }
        String kept = all.substring(0, head);
        int dropped = all.length() - head - tail;
        return kept + (kept.isEmpty() || kept.endsWith("\n") ? "" : "\n") + "[isolane: " + String.format("%,d", dropped)
                + " bytes of output dropped here; the first " + head + " and the last " + tail + " bytes are kept]\n"
                + all.substring(all.length() - tail);
    }
    private static void write(BoundedOutput output, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        output.write(bytes, 0, bytes.length);
    }
}
