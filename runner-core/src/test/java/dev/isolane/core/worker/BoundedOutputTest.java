package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

    private static void write(BoundedOutput output, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        output.write(bytes, 0, bytes.length);
    }
}
