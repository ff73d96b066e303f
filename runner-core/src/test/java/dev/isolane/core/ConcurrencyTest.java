package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConcurrencyTest {

    @ParameterizedTest(name = "{0} on {1} cores = {2}")
    @CsvSource({"1, 8, 1", "4, 2, 4", "1C, 2, 2", "2C, 4, 8", "1.5C, 4, 6", "0.5C, 4, 2", " 3 , 2, 3", "1c, 3, 3"})
    void parsesCountsAndMultiplesOfCores(String value, int cores, int expected) {
        assertThat(Concurrency.parse("threads", value, cores)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "", "1.5", "C", "2x"})
    void rejectsWhatIsNotACount(String value) {
        assertThatThrownBy(() -> Concurrency.parse("threads", value, 2))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Invalid value for parameter 'threads': '" + value + "'.")
                .hasMessageContaining("such as 1C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0C", "0.1C"})
    void rejectsCountsBelowOne(String value) {
        assertThatThrownBy(() -> Concurrency.parse("forks", value, 2))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("'forks'").hasMessageContaining("at least 1");
    }
}
