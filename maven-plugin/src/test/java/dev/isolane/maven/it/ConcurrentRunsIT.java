package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two Isolane runs at once in one Maven JVM ({@code mvn -T2} on a two-module reactor). Each module has a class that
 * waits until the other module's run has reached it, and a class of the same name as one in the other module: each
 * run must see only its own workers, and write only its own reports.
 */
class ConcurrentRunsIT {

    @Test
    void twoRunsAtOnceSeeNeitherTheOthersWorkersNorItsReports() {
        BuildResult reactor = MavenBuild.project("reactor").args("-T2", "verify").run();
        assertThat(reactor.exitCode()).as(reactor.log()).isZero();

        BuildResult alpha = module(reactor, "alpha");
        BuildResult beta = module(reactor, "beta");
        Set<Long> alphaPids = pids(alpha);
        Set<Long> betaPids = pids(beta);
        assertThat(alphaPids).hasSize(2).doesNotContainAnyElementsOf(betaPids);
        assertThat(betaPids).hasSize(2);

        for (BuildResult module : List.of(alpha, beta)) {
            String name = module.directory().getFileName().toString();
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            List<String> expected = List.of("com.acme." + capitalized + "IsolatedTest",
                    "com.acme." + capitalized + "MeetsTest", "com.acme.CommonTest");
            assertThat(module.xmlReports()).extracting(file -> file.getFileName().toString())
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(c -> "TEST-" + c + ".xml").toList());
            List<String> inJson = new java.util.ArrayList<>();
            for (JsonElement entry : module.jsonReport().getAsJsonArray("classes")) {
                inJson.add(entry.getAsJsonObject().get("className").getAsString());
                long pid = entry.getAsJsonObject().get("pid").getAsLong();
                assertThat(pids(module)).as(name + " reports a pid of its own").contains(pid);
            }
            assertThat(inJson).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(FaultsIT.testOutput(module.xmlReport("com.acme.CommonTest"), "saysWhichModule", "system-out"))
                    .isEqualTo("CommonTest of " + name + "\n");
            assertThat(module.jsonClass("com.acme." + capitalized + "MeetsTest").get("result").getAsString())
                    .as(name + " met the other module while both ran").isEqualTo("passed");
        }
    }

    private static BuildResult module(BuildResult reactor, String name) {
        Path directory = reactor.directory().resolve(name);
        return new BuildResult(reactor.exitCode(), reactor.log(), directory, reactor.mavenPid());
    }

    private static Set<Long> pids(BuildResult module) {
        Set<Long> pids = new HashSet<>();
        module.records().values().forEach(record -> pids.add(record.pid()));
        return pids;
    }
}
