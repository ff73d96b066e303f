package dev.isolane.core;

import static dev.isolane.core.RunHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults, through the real coordinator and real worker JVMs: each faulty class is reported as what happened, and
 * every other class's results are delivered. The Maven integration tests run the same faults through the plugin.
 */
class FaultsRunTest {

    private static final String FIXTURES = "dev.isolane.core.fixtures.";

    @TempDir
    Path dir;

    @Test
    void exitsInTheSharedJvmAreStoppedAndTheClassIsReportedCrashed() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b, FIXTURES + "SystemExitFixture", FIXTURES + "SleepyOneFixture");

        ClassResult exits = result(report, FIXTURES + "SystemExitFixture");
        assertThat(exits.outcome()).isEqualTo(ClassOutcome.CRASHED);
        assertThat(exits.lane()).isEqualTo(Lane.SHARED);
        assertThat(test(exits, "aPasses").status()).isEqualTo(TestStatus.PASSED);
        assertThat(test(exits, "systemExit").message()).startsWith("System.exit(3) was called; Isolane stopped it");
        assertThat(test(exits, "runtimeExit").message()).startsWith("Runtime.exit(4) was called");
        assertThat(test(exits, "runtimeHalt").message()).startsWith("Runtime.halt(5) was called");
        assertThat(test(exits, "methodReference").message()).startsWith("System.exit(6) was called");
        assertThat(test(exits, "boundMethodReference").message()).startsWith("Runtime.halt(7) was called");
        assertThat(test(exits, "systemExit").stackTrace())
                .contains("at dev.isolane.core.fixtures.SystemExitFixture.systemExit(SystemExitFixture.java:");
        assertThat(test(exits, "zSwallowed").status()).isEqualTo(TestStatus.PASSED);
        assertThat(exits.detail()).startsWith(FIXTURES + "SystemExitFixture called Runtime.halt(7) on thread"
                + " isolane-shared-").contains("in test boundMethodReference()").contains("leaving with 3");

        ClassResult company = result(report, FIXTURES + "SleepyOneFixture");
        assertThat(company.outcome()).isEqualTo(ClassOutcome.PASSED);
        assertThat(company.pid()).isEqualTo(exits.pid());
    }

    @Test
    void anExitTheAgentCannotSeeIsTracedToItsCallerAndTheOthersRunAgainInAFreshSharedJvm() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.threads(4), FIXTURES + "ReflectiveExitFixture",
                FIXTURES + "CompanyFixture", FIXTURES + "CompanyTwoFixture");

        ClassResult culprit = result(report, FIXTURES + "ReflectiveExitFixture");
        assertThat(culprit.outcome()).isEqualTo(ClassOutcome.CRASHED);
        assertThat(culprit.detail()).contains("exited with code 41").contains("it is to blame: it called exit on"
                + " thread isolane-shared-").contains("ReflectiveExitFixture.exitsThroughReflection(")
                .contains("exiting through reflection");
        assertThat(test(culprit, "exitsThroughReflection").status()).isEqualTo(TestStatus.ERROR);
        for (String name : new String[] {"CompanyFixture", "CompanyTwoFixture"}) {
            ClassResult company = result(report, FIXTURES + name);
            assertThat(company.outcome()).as(name).isEqualTo(ClassOutcome.PASSED);
            assertThat(company.lane()).as(name).isEqualTo(Lane.SHARED);
            assertThat(company.pid()).as(name).isNotEqualTo(culprit.pid());
        }
        assertThat(report.warnings()).anySatisfy(warning -> assertThat(warning).contains("in a fresh shared JVM"));
    }

    @Test
    void aHaltNobodyCanTraceRunsEachSuspectAloneToFindTheCulprit() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.threads(4), FIXTURES + "ReflectiveHaltFixture",
                FIXTURES + "CompanyFixture", FIXTURES + "CompanyTwoFixture");

        ClassResult culprit = result(report, FIXTURES + "ReflectiveHaltFixture");
        assertThat(culprit.outcome()).isEqualTo(ClassOutcome.CRASHED);
        assertThat(culprit.detail()).contains("exited with code 43").contains("halting through reflection");
        for (String name : new String[] {"CompanyFixture", "CompanyTwoFixture"}) {
            assertThat(result(report, FIXTURES + name).outcome()).as(name).isEqualTo(ClassOutcome.PASSED);
        }
        assertThat(report.totals().surefireLine()).isEqualTo("Tests run: 3, Failures: 0, Errors: 1, Skipped: 0");
    }

    @Test
    void aNativeCrashIsTracedToTheThreadTheJvmNames() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.threads(4), FIXTURES + "NativeCrashFixture",
                FIXTURES + "CompanyFixture");

        ClassResult culprit = result(report, FIXTURES + "NativeCrashFixture");
        assertThat(culprit.outcome()).isEqualTo(ClassOutcome.CRASHED);
        assertThat(culprit.lane()).isEqualTo(Lane.SHARED);
        assertThat(culprit.detail()).contains("crashed natively: SIGSEGV").contains("the JVM crashed on its thread")
                .contains("about to crash natively");
        assertThat(result(report, FIXTURES + "CompanyFixture").outcome()).isEqualTo(ClassOutcome.PASSED);
    }

    @Test
    void classesPastTheTimeoutAreStoppedWithAThreadDumpAndTheRunKeepsItsWidth() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.threads(2).timeout(Duration.ofSeconds(3)),
                FIXTURES + "HangingFixture", FIXTURES + "DeadlockFixture", FIXTURES + "IsolatedHangingFixture",
                FIXTURES + "SleepyOneFixture", FIXTURES + "SleepyTwoFixture");

        ClassResult hanging = result(report, FIXTURES + "HangingFixture");
        assertThat(hanging.outcome()).isEqualTo(ClassOutcome.TIMEOUT);
        assertThat(hanging.detail()).contains("ran past the timeout of 3 s (test waitsForever() was running)")
                .contains("at dev.isolane.core.fixtures.HangingFixture.waitsForever(HangingFixture.java:")
                .contains("Its last output:\nwaiting forever\n");
        assertThat(test(hanging, "waitsForever").status()).isEqualTo(TestStatus.ERROR);

        ClassResult deadlock = result(report, FIXTURES + "DeadlockFixture");
        assertThat(deadlock.outcome()).isEqualTo(ClassOutcome.TIMEOUT);
        assertThat(deadlock.detail()).contains("Deadlock: 2 threads wait for each other")
                .contains("\"deadlock-left\" waits for").contains("\"deadlock-right\" waits for");

        ClassResult isolated = result(report, FIXTURES + "IsolatedHangingFixture");
        assertThat(isolated.outcome()).isEqualTo(ClassOutcome.TIMEOUT);
        assertThat(isolated.detail()).contains("was killed").contains("IsolatedHangingFixture.spins(");
        assertThat(ProcessHandle.of(isolated.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        for (String name : new String[] {"SleepyOneFixture", "SleepyTwoFixture"}) {
            ClassResult sleepy = result(report, FIXTURES + name);
            assertThat(sleepy.outcome()).as(name).isEqualTo(ClassOutcome.PASSED);
            // Both lanes were held by stuck classes: the rest ran in a fresh shared JVM.
            assertThat(sleepy.pid()).as(name).isNotEqualTo(hanging.pid());
        }
    }

    @Test
    void outOfMemoryAndStackOverflowFailTheirClassOnly() throws Exception {
        RunReport report = RunHarness.run(dir, b -> b.threads(3).argLine("-Xmx64m"),
                FIXTURES + "OutOfMemoryFixture", FIXTURES + "StackOverflowFixture", FIXTURES + "CompanyFixture");

        ClassResult oom = result(report, FIXTURES + "OutOfMemoryFixture");
        assertThat(oom.outcome()).isEqualTo(ClassOutcome.ERROR);
        assertThat(test(oom, "fillsTheHeap").failureType()).isEqualTo("java.lang.OutOfMemoryError");
        ClassResult overflow = result(report, FIXTURES + "StackOverflowFixture");
        assertThat(overflow.outcome()).isEqualTo(ClassOutcome.ERROR);
        assertThat(test(overflow, "recursesForever").failureType()).isEqualTo("java.lang.StackOverflowError");
        assertThat(result(report, FIXTURES + "CompanyFixture").outcome()).isEqualTo(ClassOutcome.PASSED);
    }

    private static TestResult test(ClassResult result, String reportName) {
        return result.tests().stream().filter(t -> t.reportName().equals(reportName)).findFirst()
                .orElseThrow(() -> new AssertionError(reportName + " not in " + result.tests()));
    }
}
