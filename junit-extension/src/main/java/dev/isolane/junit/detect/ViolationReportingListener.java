package dev.isolane.junit.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.PrintStream;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Report, at the end of a plain JUnit Platform launch (an IDE, plain Surefire, Gradle, the ConsoleLauncher), the JVM
 * globals a test class left changed: system properties, the default Locale and TimeZone, the System streams and the
 * other globals the Isolane Maven plugin watches. Registered through {@code META-INF/services}, so the Launcher finds
 * it with no set-up; the configuration parameter {@code isolane.detect=off} switches it off.
 *
 * <p>It compares the JVM globals before and after each top-level test class that runs in this JVM, and prints the
 * classes that left one changed to {@code System.err}, in the words of the plugin's violations section. It prints
 * nothing when there is nothing to report, and does nothing inside an Isolane worker (the plugin watches there
 * itself) or for the classes the extension forks (their JVM was their own).
 */
@API(status = INTERNAL, since = "0.1")
public final class ViolationReportingListener implements TestExecutionListener {

    /** The launch being watched, or null: one Launcher may run several launches through one listener, in turn. */
    private volatile WatchedLaunch launch;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        DetectSettings settings = DetectSettings.from(testPlan.getConfigurationParameters());
        // Taken now: a class that replaces System.err and leaves it replaced (itself a violation) must not swallow
        // the report. System.err, not System.out: the report is a warning about the run rather than test output,
        // IDE consoles show it apart (in red), and stdout stays the ConsoleLauncher's tree and summary.
        PrintStream console = System.err;
        settings.warning().ifPresent(console::println);
        launch = settings.watches() ? new WatchedLaunch(testPlan, console) : null;
    }

    @Override
    public void executionStarted(TestIdentifier testIdentifier) {
        WatchedLaunch current = launch;
        if (current != null) {
            current.started(testIdentifier);
        }
    }

    @Override
    public void executionFinished(TestIdentifier testIdentifier, TestExecutionResult testExecutionResult) {
        WatchedLaunch current = launch;
        if (current != null) {
            current.finished(testIdentifier);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        WatchedLaunch current = launch;
        launch = null;
        if (current != null) {
            current.report();
        }
    }
}
