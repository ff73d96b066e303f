package dev.isolane.core.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeanJvmTest {

    @Test
    void theSerialCollectorUnlessTheUsersOptionsChooseOne() {
        assertThat(LeanJvm.options("-Xmx1g")).containsAll(LeanJvm.OPTIONS).contains(LeanJvm.SERIAL_COLLECTOR);
        assertThat(LeanJvm.options("-Xmx1g -XX:+UseG1GC")).isEqualTo(LeanJvm.OPTIONS);
        assertThat(LeanJvm.options("-XX:+UseZGC -XX:+ZGenerational")).isEqualTo(LeanJvm.OPTIONS);
        assertThat(LeanJvm.options("-XX:+UseStringDeduplication")).as("not a collector")
                .contains(LeanJvm.SERIAL_COLLECTOR);
    }

    @Test
    void theLeanOptionsChooseNoCollectorThemselves() {
        assertThat(LeanJvm.OPTIONS).contains("-XX:TieredStopAtLevel=1").noneMatch(option -> option.endsWith("GC"));
    }
}
