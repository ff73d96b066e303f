package com.acme;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Its one test runs only when a JUnit configuration parameter deactivates @Disabled. */
class ConfiguredTest {

    @Test
    @Disabled("unless junit.jupiter.conditions.deactivate says otherwise")
    void runsOnlyWhenConditionsAreDeactivated() {}
}
