package dev.isolane.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentFileTest {

    @Test
    void quotesArgumentsForAJavaArgumentFile() {
        assertThat(ArgumentFile.quote("plain")).isEqualTo("\"plain\"");
        assertThat(ArgumentFile.quote("with space")).isEqualTo("\"with space\"");
        assertThat(ArgumentFile.quote("C:\\tools\\a \"b\"")).isEqualTo("\"C:\\\\tools\\\\a \\\"b\\\"\"");
        assertThat(ArgumentFile.quote("two\nlines")).isEqualTo("\"two\\nlines\"");
    }

    @Test
    void linesGoAsTheyAreOptionsQuotedAndTheClassPathLast() {
        assertThat(ArgumentFile.content(List.of("-Xmx1g -Da=\"b c\""), List.of("-Dd=e f"),
                List.of("/x/a.jar", "/y b")))
                .isEqualTo("-Xmx1g -Da=\"b c\"\n\"-Dd=e f\"\n-cp\n\"/x/a.jar:/y b\"\n");
    }
}
