package dev.isolane.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class LatePropertiesTest {

    @Test
    void replacesKnownNamesAndKeepsUnknownOnes() {
        Properties properties = new Properties();
        properties.setProperty("argLine", "-javaagent:/x/jacocoagent.jar=destfile=/t/jacoco.exec");
        properties.setProperty("dollar", "$1\\");
        assertThat(LateProperties.replace("@{argLine} -Xmx1g @{missing} -Dd=@{dollar}", properties))
                .isEqualTo("-javaagent:/x/jacocoagent.jar=destfile=/t/jacoco.exec -Xmx1g @{missing} -Dd=$1\\");
        assertThat(LateProperties.replace(null, properties)).isNull();
        assertThat(LateProperties.replace("-Dfork=${surefire.forkNumber}", properties))
                .isEqualTo("-Dfork=${surefire.forkNumber}");
    }
}
