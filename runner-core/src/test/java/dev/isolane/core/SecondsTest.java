package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecondsTest {

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({"0, 0", "1, 1", "' 90 ', 90", "86400, 86400"})
    void parsesWholeSecondsFromZero(String value, long seconds) {
        assertThat(Seconds.parse("timeout", value)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"-5", "soon", "", "1.5", "10s", "PT10S", "99999999999999999999"})
    void rejectsWhatIsNotAWholeNumberOfSecondsNamingParameterValueAndForm(String value) {
        assertThatThrownBy(() -> Seconds.parse("isolane.fork.timeout", value))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("Invalid value for parameter 'isolane.fork.timeout': '" + value + "'. Use a whole number of"
                        + " seconds, at least 0 (0 means none).");
    }
}
