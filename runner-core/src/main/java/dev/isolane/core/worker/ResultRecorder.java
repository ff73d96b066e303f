package dev.isolane.core.worker;

import dev.isolane.core.model.TestResult;
import dev.isolane.core.model.TestStatus;
import dev.isolane.core.protocol.TraceSlot;
import java.io.PrintWriter;
import java.lang.annotation.Annotation;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit Platform events for one class into {@link TestResult}s, as Surefire would count them: each test once;
 * a skipped container's tests each skipped; a failed container (a broken {@code @BeforeAll}, say) one error of its own.
 *
 * <p>Results go out in batches, not one message per test: a batch leaves when {@link #BATCH_SIZE} results have
 * gathered or {@link #BATCH_NANOS} have passed since the first of them, and the rest ({@link #drain}) go with the
 * class's last message. Until a batch is sent, the worker thread's {@link TraceSlot} holds what it would have said, so a JVM
 * that dies loses no test.
 */
final class ResultRecorder implements TestExecutionListener {

    /** A parameterized invocation's name ends in {@code [n]}; JUnit 4's Parameterized names a run {@code [...]}. */
    private static final Pattern INVOCATION = Pattern.compile(".*\\[\\d+]");
    private static final Pattern BRACKETED = Pattern.compile("\\[.+]");

    static final int BATCH_SIZE = 256;
    static final long BATCH_NANOS = 250_000_000L;

    private final ClassContext context;
    private final TraceSlot slot;
    private final Consumer<List<TestResult>> batches;
    private final int batchSize;
    private final long batchNanos;
    private final List<TestResult> pending = new ArrayList<>();
    private long firstPendingNanos;
    private final Map<String, Long> startNanos = new ConcurrentHashMap<>();
    /** Tests that started and have not finished: what a class-ending error (an OutOfMemoryError) interrupted. */
    private final Map<String, TestIdentifier> running = new ConcurrentHashMap<>();
    private volatile TestPlan plan;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** Classes (as {@link #surefireClass} names them) with a test that passed: their failure is a teardown's. */
    private final Set<String> classesWithPassedTests = ConcurrentHashMap.newKeySet();

    /**
     * @param slot    where the thread's evidence is kept between batches, or null for none
     * @param batches where batches of results go
     */
    ResultRecorder(ClassContext context, TraceSlot slot, Consumer<List<TestResult>> batches) {
        this(context, slot, batches, BATCH_SIZE, BATCH_NANOS);
    }

    ResultRecorder(ClassContext context, TraceSlot slot, Consumer<List<TestResult>> batches, int batchSize,
            long batchNanos) {
        this.context = context;
        this.slot = slot;
        this.batches = batches;
        this.batchSize = batchSize;
        this.batchNanos = batchNanos;
    }

    /** Send what has gathered; the slot's journal then starts again from the tests still running. */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<TestResult> batch = List.copyOf(pending);
        batches.accept(batch);
        pending.clear();
        if (slot != null) {
            // A test leaves the running ones only once reported, which may be just after this batch was sent.
            Set<String> sent = new HashSet<>();
            batch.forEach(result -> sent.add(result.uniqueId()));
            slot.batchSent(running.values().stream().filter(id -> !sent.contains(id.getUniqueId()))
                    .map(ResultRecorder::ref).toList());
        }
    }

    /**
     * Take the results not sent yet, for the class's last message; the slot's journal keeps them until that message
     * is sent and the slot ended, so a JVM dying before then still accounts for them.
     */
    synchronized List<TestResult> drain() {
        List<TestResult> rest = List.copyOf(pending);
        pending.clear();
        return rest;
    }

    /**
     * Report every test still running as failed by this throwable, which ended the class's execution without JUnit
     * finishing them.
     *
     * @return how many tests were running
     */
    int failRunning(Throwable failure) {
        int count = 0;
        for (TestIdentifier id : running.values()) {
            Long start = startNanos.remove(id.getUniqueId());
            long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
            report(id, statusOf(failure), millis, failure.toString(), failure);
            count++;
        }
        running.clear();
        return count;
    }

    int reported() {
        return reported.size();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        if (slot != null) {
            // What discovery found, so that a JVM dying half way through the class still accounts for every test.
            for (TestIdentifier root : testPlan.getRoots()) {
                testPlan.getDescendants(root).stream().filter(TestIdentifier::isTest).map(ResultRecorder::ref)
                        .forEach(slot::planned);
            }
        }
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        startNanos.put(id.getUniqueId(), System.nanoTime());
        if (id.isTest()) {
            context.testStarted(id.getUniqueId(), id.getDisplayName());
            running.put(id.getUniqueId(), id);
            if (slot != null) {
                slot.started(ref(id));
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        skip(id, 0, reason, null);
    }

    /** A skipped or aborted container never starts its tests; each is reported skipped, as Surefire does. */
    private void skip(TestIdentifier id, long millis, String reason, Throwable cause) {
        if (id.isTest()) {
            report(id, TestStatus.SKIPPED, millis, reason, cause);
            return;
        }
        boolean anyTest = false;
        for (TestIdentifier descendant : plan.getDescendants(id)) {
            if (descendant.isTest()) {
                report(descendant, TestStatus.SKIPPED, 0, reason, cause);
                anyTest = true;
            }
        }
        if (!anyTest) {
            report(id, TestStatus.SKIPPED, millis, reason, cause);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Long started = startNanos.remove(id.getUniqueId());
        long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
        Throwable failure = result.getThrowable().orElse(null);
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                if (id.isTest()) {
                    report(id, TestStatus.PASSED, millis, null, null);
                    classesWithPassedTests.add(surefireClass(id));
                }
            }
            case ABORTED -> skip(id, millis, failure == null ? null : failure.getMessage(), failure);
            // A failed container (a broken @BeforeAll, say) is reported as one failure of its own.
            case FAILED -> report(id, statusOf(failure), millis, failure == null ? null : failure.getMessage(), failure);
        }
        // Only once reported: if reporting failed (out of memory, say), the test still counts as interrupted.
        running.remove(id.getUniqueId());
    }

    static TestStatus statusOf(Throwable failure) {
        return failure instanceof AssertionError ? TestStatus.FAILED : TestStatus.ERROR;
    }

    private void report(TestIdentifier id, TestStatus status, long millis, String message, Throwable failure) {
        if (!reported.add(id.getUniqueId())) {
            return; // an aborted container's tests may have reported already
        }
        TestOutput output = context.testFinished(id.getUniqueId());
        try {
            add(new TestResult(
                    id.getUniqueId(),
                    id.getDisplayName(),
                    id.isTest() ? testName(id) : status == TestStatus.SKIPPED ? reportName(id)
                            : failedContainerName(id),
                    reportClass(id),
                    status,
                    millis,
                    message,
                    failure == null ? null : failure.getClass().getName(),
                    failure == null ? null : stackTraceOf(failure),
                    output == null ? "" : output.stdout().text(),
                    output == null ? "" : output.stderr().text()));
        } catch (RuntimeException | Error notSent) {
            reported.remove(id.getUniqueId()); // so that whoever handles the error can still report it
            throw notSent;
        }
    }

    private synchronized void add(TestResult result) {
        if (slot != null) {
            slot.finished(new TraceSlot.TestRef(result.uniqueId(), result.displayName(), result.reportName(),
                    result.reportClass()), result.status());
        }
        long now = System.nanoTime();
        if (pending.isEmpty()) {
            firstPendingNanos = now;
        }
        pending.add(result);
        if (pending.size() >= batchSize || now - firstPendingNanos >= batchNanos) {
            try {
                flush();
            } catch (RuntimeException | Error notSent) {
                pending.remove(pending.size() - 1); // whoever handles the error reports this test again
                throw notSent;
            }
        }
    }

    private static TraceSlot.TestRef ref(TestIdentifier id) {
        return new TraceSlot.TestRef(id.getUniqueId(), id.getDisplayName(), reportName(id),
                reportClassOf(id.getSource(), ""));
    }

    /**
     * Surefire's test case name: the legacy reporting name, without the "()" of a plain method; empty for a class's
     * own skipped entry (a failed class is named by {@link #failedContainerName}).
     */
    static String reportName(TestIdentifier id) {
        if (!id.isTest() && id.getSource().filter(ClassSource.class::isInstance).isPresent()) {
            return "";
        }
        String legacy = id.getLegacyReportingName();
        return legacy.endsWith("()") ? legacy.substring(0, legacy.length() - 2) : legacy;
    }

    /**
     * Surefire 3.6's name for a test of a method: the method's name, unless the test is one of a parameterized family
     * (the method takes parameters, the test's name ends in {@code [n]}, or a parent without a source is named
     * {@code [...]}, as JUnit 4's Parameterized names its runs), which keeps its reporting name. So a JUnit 3 test a
     * suite runs under a name of its own ({@code testClear[HashedMap]}, guava-testlib's) is {@code testClear}.
     */
    private String testName(TestIdentifier id) {
        if (!(id.getSource().orElse(null) instanceof MethodSource method) || plan == null) {
            return reportName(id);
        }
        boolean parameterized = !method.getMethodParameterTypes().isBlank()
                || INVOCATION.matcher(id.getLegacyReportingName()).matches();
        for (Optional<TestIdentifier> up = plan.getParent(id); up.isPresent() && !parameterized;
                up = plan.getParent(up.get())) {
            parameterized = up.get().getSource().isEmpty()
                    && BRACKETED.matcher(up.get().getLegacyReportingName()).matches();
        }
        return parameterized ? reportName(id) : method.getMethodName();
    }

    /**
     * Surefire 3.6's name for a failed class: {@code initializationError} (its {@code @BeforeAll} failed, say) unless
     * a test of the class passed before, then {@code executionError} (its {@code @AfterAll}). Other containers (a
     * parameterized method whose arguments failed) keep their own name.
     */
    private String failedContainerName(TestIdentifier id) {
        if (!isClass(id)) {
            return reportName(id);
        }
        return classesWithPassedTests.contains(surefireClass(id)) ? TestResult.EXECUTION_ERROR
                : TestResult.INITIALIZATION_ERROR;
    }

    /**
     * The class Surefire files a node under when it tells setup from teardown failures: the outermost class below
     * the engine (a nested class counts as its top-level class), where a class inside a {@code @Suite} stops at its
     * own engine.
     */
    private String surefireClass(TestIdentifier id) {
        if (plan == null) {
            return reportClass(id.getSource());
        }
        TestIdentifier top = id;
        for (Optional<TestIdentifier> parent = plan.getParent(top); parent.isPresent(); parent = plan.getParent(top)) {
            boolean parentIsRoot = plan.getParent(parent.get()).isEmpty();
            boolean parentIsEngine = parent.get().getUniqueIdObject().getLastSegment().getType().equals("engine");
            if (parentIsRoot || parentIsEngine && isClass(top)) {
                break;
            }
            top = parent.get();
        }
        return isClass(top) ? reportClass(top.getSource()) : reportClass(id.getSource());
    }

    private static boolean isClass(TestIdentifier id) {
        return id.getSource().filter(ClassSource.class::isInstance).isPresent();
    }

    /**
     * The XML's class name for a test: its method's or class's, else, as Surefire 3.6 names a test without either (a
     * Cucumber scenario), the name its nearest class shows (Jupiter's {@code @DisplayName}, else its reporting name:
     * a {@code @Suite} class's simple name), else the class being run.
     */
    private String reportClass(TestIdentifier id) {
        if (id.getSource().filter(source -> source instanceof MethodSource || source instanceof ClassSource)
                .isPresent() || plan == null) {
            return reportClass(id.getSource());
        }
        for (Optional<TestIdentifier> up = plan.getParent(id); up.isPresent(); up = plan.getParent(up.get())) {
            if (up.get().getSource().orElse(null) instanceof ClassSource type) {
                return displayNameOf(type).orElse(up.get().getLegacyReportingName());
            }
        }
        return context.className();
    }

    private static Optional<String> displayNameOf(ClassSource type) {
        try {
            for (Annotation annotation : type.getJavaClass().getAnnotations()) {
                if (annotation.annotationType().getName().equals("org.junit.jupiter.api.DisplayName")) {
                    return Optional.of((String) annotation.annotationType().getMethod("value").invoke(annotation));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
            // as Surefire does: no display name then
        }
        return Optional.empty();
    }

    private String reportClass(Optional<TestSource> source) {
        return reportClassOf(source, context.className());
    }

    private static String reportClassOf(Optional<TestSource> source, String otherwise) {
        if (source.isPresent()) {
            if (source.get() instanceof MethodSource method) {
                return method.getClassName();
            }
            if (source.get() instanceof ClassSource type) {
                return type.getClassName();
            }
        }
        return otherwise;
    }

    static String stackTraceOf(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
