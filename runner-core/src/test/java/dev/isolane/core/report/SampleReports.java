package dev.isolane.core.report;

import dev.isolane.core.RunConfig;
import dev.isolane.core.RunReport;
import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.model.Violation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Run reports built by hand: small ones for merging and escaping, and a large one for the page's size. */
final class SampleReports {

    private SampleReports() {}

    static TestResult passed(String className, String method, long millis) {
        return new TestResult("[engine:junit-jupiter]/[class:" + className + "]/[method:" + method + "()]",
                method + "()", method, className, TestStatus.PASSED, millis, null, null, null, "", "");
    }

    static TestResult failed(String className, String method, String message, String stdout) {
        return new TestResult("[engine:junit-jupiter]/[class:" + className + "]/[method:" + method + "()]",
                method + "()", method, className, TestStatus.FAILED, 5, message,
                "org.opentest4j.AssertionFailedError", "org.opentest4j.AssertionFailedError: " + message
                        + "\n\tat " + className + "." + method + "(X.java:9)", stdout, "");
    }

    static ClassResult shared(Instant origin, String className, int thread, long start, long end,
            List<TestResult> tests) {
        return new ClassResult(className, Lane.SHARED, 100, "isolane-shared-" + thread,
                origin.toEpochMilli() + start, origin.toEpochMilli() + end, ClassResult.outcomeOf(tests), tests, "",
                "", null);
    }

    static ClassResult isolated(Instant origin, String className, long pid, long jvmStart, long start, long end,
            List<TestResult> tests) {
        long o = origin.toEpochMilli();
        return new ClassResult(className, Lane.ISOLATED, pid, "isolane-isolated-1", o + start, o + end,
                ClassResult.outcomeOf(tests), tests, "", "", null, Map.of(), o + jvmStart,
                o + Math.min(jvmStart + 250, start));
    }

    /** A run of three classes: one passing, one failing, one isolated; a violation between the first two. */
    static RunReport small(Instant startedAt, Path dir, String prefix) {
        String a = "com.acme." + prefix + "AlphaTest";
        String b = "com.acme." + prefix + "BravoTest";
        String c = "com.acme.CommonTest";
        ClassResult alpha = shared(startedAt, a, 1, 100, 400, List.of(passed(a, "one", 10), passed(a, "two", 20)));
        ClassResult bravo = shared(startedAt, b, 2, 120, 900, List.of(failed(b, "breaks", "expected 1", "out")));
        ClassResult common = isolated(startedAt, c, 200, 50, 600, 1200, List.of(passed(c, "works", 30)));
        Violation violation = new Violation(StateKind.STATIC_FIELD, "com.acme.Registry.mode", List.of(a), List.of(b),
                true, false, "annotate " + a + " with @IsolatedProcess");
        return new RunReport(startedAt, 1300, 40, config(dir), List.of(alpha, bravo, common), List.of(violation),
                List.of(), List.of("a warning"));
    }

    static RunConfig config(Path dir) {
        return RunConfig.builder().threads(2).forks(2).workingDirectory(dir).build();
    }

    /** {@code classCount} classes of {@code testsPerClass} tests each on 8 threads and 4 forks, a few failing. */
    static RunReport large(Instant startedAt, Path dir, int classCount, int testsPerClass) {
        Random random = new Random(42);
        List<ClassResult> classes = new ArrayList<>(classCount);
        long[] threadFree = new long[8];
        long[] forkFree = new long[4];
        for (int i = 0; i < classCount; i++) {
            String name = "com.acme.module" + (i % 40) + ".Generated" + i + "Test";
            List<TestResult> tests = new ArrayList<>(testsPerClass);
            long total = 0;
            for (int t = 0; t < testsPerClass; t++) {
                long millis = random.nextInt(40);
                total += millis;
                tests.add(i % 97 == 0 && t == 0
                        ? failed(name, "test" + t, "expected <" + t + "> but was <" + (t + 1) + ">", "printed " + t)
                        : passed(name, "test" + t, millis));
            }
            if (i % 10 == 0) {
                int fork = i / 10 % forkFree.length;
                long start = forkFree[fork] + 300;
                classes.add(isolated(startedAt, name, 10_000 + i, forkFree[fork], start, start + total, tests));
                forkFree[fork] = start + total;
            } else {
                int thread = i % threadFree.length;
                classes.add(shared(startedAt, name, thread + 1, threadFree[thread], threadFree[thread] + total,
                        tests));
                threadFree[thread] += total + 1;
            }
        }
        long end = classes.stream().mapToLong(ClassResult::endMillis).max().orElse(0) - startedAt.toEpochMilli();
        return new RunReport(startedAt, end, 1000, config(dir), classes, List.of(), List.of(), List.of());
    }
}
