package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedThreadsTest {

    @Test
    void autoStartsAtTheCoresAndMayReachFourPerCoreButAtLeastEight() {
        assertThat(SharedThreads.parse("threads", "auto", 2)).isEqualTo(new SharedThreads(2, 8));
        assertThat(SharedThreads.parse("threads", " AUTO ", 4)).isEqualTo(new SharedThreads(4, 16));
        assertThat(SharedThreads.auto(1)).isEqualTo(new SharedThreads(1, 8));
        assertThat(SharedThreads.auto(2).isAuto()).isTrue();
        assertThat(SharedThreads.auto(2).label()).isEqualTo("auto");
    }

    @Test
    void aNumberOrAMultipleOfTheCoresIsAFixedCount() {
        assertThat(SharedThreads.parse("threads", "3", 2)).isEqualTo(SharedThreads.fixed(3));
        assertThat(SharedThreads.parse("threads", "1.5C", 4)).isEqualTo(SharedThreads.fixed(6));
        assertThat(SharedThreads.fixed(3).isAuto()).isFalse();
        assertThat(SharedThreads.fixed(3).label()).isEqualTo("3");
    }

    @Test
    void aBadValueNamesAutoAmongTheAcceptedForms() {
        assertThatThrownBy(() -> SharedThreads.parse("threads", "lots", 2)).isInstanceOf(InvalidConfigException.class)
                .hasMessage("Invalid value for parameter 'threads': 'lots'. Use auto (the default), a whole number of"
                        + " at least 1, such as 2, or a multiple of the CPU cores, such as 1C or 1.5C.");
        assertThatThrownBy(() -> SharedThreads.parse("threads", "0.2C", 2))
                .hasMessageContaining("It must come to at least 1 (with 2 cores, 0.2C is 0); use auto (the default)");
    }
}
