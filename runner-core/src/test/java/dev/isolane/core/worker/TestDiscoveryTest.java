package dev.isolane.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.TestClass;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDiscoveryTest {

    /** Test classes (one isolated by inheritance, one JUnit 4), and classes no engine claims. */
    private static final List<String> CANDIDATES = List.of(
            "dev.isolane.core.fixtures.OutcomesFixture",
            "dev.isolane.core.fixtures.IsolatedBase",
            "dev.isolane.core.fixtures.TaggedFixture",
            "dev.isolane.core.fixtures.Rendezvous",
            "dev.isolane.core.fixtures.InheritsIsolationFixture",
            "dev.isolane.core.fixtures.LegacyFixture",
            "dev.isolane.core.worker.TestDiscovery",
            "dev.isolane.core.fixtures.CompanyFixture");

    @Test
    void partsDiscoveredOnSeveralThreadsClaimWhatOneDiscoveryClaims() {
        var wanted = new HashSet<>(CANDIDATES);

        var alone = TestDiscovery.claimed(CANDIDATES, RunFilters.NONE, wanted, 1);

        assertThat(alone).contains("dev.isolane.core.fixtures.OutcomesFixture",
                "dev.isolane.core.fixtures.InheritsIsolationFixture", "dev.isolane.core.fixtures.CompanyFixture")
                .doesNotContain("dev.isolane.core.fixtures.Rendezvous", "dev.isolane.core.worker.TestDiscovery");
        for (int threads = 2; threads <= CANDIDATES.size(); threads++) {
            assertThat(TestDiscovery.claimed(CANDIDATES, RunFilters.NONE, wanted, threads))
                    .as("%d threads", threads).isEqualTo(alone);
        }
    }

    @Test
    void theDiscoveredClassesKeepTheCandidatesOrderAndSayWhichAreIsolated() {
        List<TestClass> classes = TestDiscovery.discover(CANDIDATES, RunFilters.NONE).classes();

        assertThat(classes).extracting(TestClass::className).isSubsetOf(CANDIDATES)
                .containsSubsequence("dev.isolane.core.fixtures.OutcomesFixture",
                        "dev.isolane.core.fixtures.InheritsIsolationFixture",
                        "dev.isolane.core.fixtures.CompanyFixture");
        assertThat(classes).filteredOn(TestClass::isolated).extracting(TestClass::className)
                .contains("dev.isolane.core.fixtures.InheritsIsolationFixture")
                .doesNotContain("dev.isolane.core.fixtures.OutcomesFixture");
    }
}
