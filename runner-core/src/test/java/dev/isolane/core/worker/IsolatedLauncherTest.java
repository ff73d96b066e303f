package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The isolated JVM's launcher leaves no trace of how it was made: the native-image property it sets for JUnit is gone
 * afterwards, and one the JVM was given stays. (That JUnit 6 then leaves out its Flight Recorder listeners is shown
 * by the JVMs themselves in StartupCacheIT; this module's tests run on JUnit 5, which registers none.)
 */
class IsolatedLauncherTest {

    private static final String PROPERTY = "org.graalvm.nativeimage.imagecode";

    @Test
    void thePropertyIsSetOnlyWhileTheLauncherIsMade() {
        assertThat(System.getProperty(PROPERTY)).isNull();
        assertThat(IsolatedLauncher.create()).isNotNull();
        assertThat(System.getProperty(PROPERTY)).isNull();
    }

    @Test
    void aValueTheJvmWasGivenStays() {
        System.setProperty(PROPERTY, "runtime");
        try {
            assertThat(IsolatedLauncher.create()).isNotNull();
            assertThat(System.getProperty(PROPERTY)).isEqualTo("runtime");
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    @Test
    void noRecordingRunsInThisJvm() {
        assertThat(IsolatedLauncher.recordingStarted()).isFalse();
    }
}
