package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ctrl-C on a build: Maven stops, and so does every worker JVM it started. */
class InterruptIT {

    @Test
    void ctrlCEndsTheSharedAndTheIsolatedWorkers() {
        // interruptible(): also when this build itself was started with SIGINT ignored (nohup, a background job).
        MavenBuild.Running build = MavenBuild.project("interrupted").interruptible().timeout(Duration.ofMinutes(3))
                .start();
        Path records = build.directory().resolve("target/records");
        List<Long> workers = List.of(pid(build, records, "com.acme.LongSharedTest"),
                pid(build, records, "com.acme.LongIsolatedTest"));
        assertThat(workers).allSatisfy(pid -> assertThat(MavenBuild.alive(pid)).isTrue());

        build.signal("INT");

        BuildResult result = build.await();
        assertThat(result.exitCode()).isNotZero();
        Await.until(Duration.ofSeconds(15), "the worker JVMs to exit after Ctrl-C",
                () -> workers.stream().filter(MavenBuild::alive).toList(), List::isEmpty);
    }

    private static long pid(MavenBuild.Running build, Path records, String className) {
        return Long.parseLong(build.awaitFile(records.resolve(className + ".pid"), Duration.ofMinutes(2)).trim());
    }
}
