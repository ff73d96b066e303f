package dev.isolane.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UntouchedPackagesTest {

    @Test
    void prefixesMatchWholePackagesOnly() {
        UntouchedPackages packages = new UntouchedPackages(List.of("org/junit/", "junit/"));
        assertThat(packages.contains("org/junit/jupiter/api/Test")).isTrue();
        assertThat(packages.contains("junit/framework/TestCase")).isTrue();
        assertThat(packages.contains("org/junitpioneer/Extension")).isFalse();
        assertThat(packages.contains("com/acme/junit/Helper")).isFalse();
    }

    @Test
    void anAdditionKeepsTheBaseAndLeavesItUnchanged() {
        UntouchedPackages more = UntouchedPackages.COMMON.plus("org/acme/");
        assertThat(more.contains("org/acme/Tool")).isTrue();
        assertThat(more.contains("java/lang/System")).isTrue();
        assertThat(UntouchedPackages.COMMON.contains("org/acme/Tool")).isFalse();
    }

    @Test
    void detectionLeavesOutJacocoButWatchesMaven() {
        assertThat(StateAccessTransformer.isExcluded("org/jacoco/agent/rt/internal_1/Offline")).isTrue();
        assertThat(StateAccessTransformer.isExcluded("dev/isolane/junit/detect/WatchedLaunch")).isTrue();
        assertThat(StateAccessTransformer.isExcluded("java/util/Locale")).isTrue();
        assertThat(StateAccessTransformer.isExcluded("org/apache/maven/model/Model")).isFalse();
        assertThat(StateAccessTransformer.isExcluded("com/acme/Config")).isFalse();
    }
}
