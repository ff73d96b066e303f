package dev.isolane.core.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test class a thread is working for. Threads a test starts inherit it, so their output and (with detection on)
 * their state accesses are attributed to the class. Once the class has finished the context is closed, and a thread
 * that outlived its class is treated as unattributed rather than blamed on it.
 */
final class ClassContext {

    /** Per stream: 2 MiB from the start and 1 MiB from the end of what a class prints. */
    static final int HEAD_BYTES = 2 * 1024 * 1024;
    static final int TAIL_BYTES = 1024 * 1024;

    private static final InheritableThreadLocal<ClassContext> CURRENT = new InheritableThreadLocal<>();

    private final String className;
    private final BoundedOutput stdout = new BoundedOutput(HEAD_BYTES, TAIL_BYTES);
    private final BoundedOutput stderr = new BoundedOutput(HEAD_BYTES, TAIL_BYTES);
    /** The test each thread of this class is running; output on that thread also goes to the test. */
    private final Map<Thread, TestOutput> runningTests = new ConcurrentHashMap<>();
    private volatile boolean open = true;
    /** Also gets every write as it happens, for runs that stream their output; null for the others. */
    private final OutputSink live;

    ClassContext(String className) {
        this(className, null);
    }

    ClassContext(String className, OutputSink live) {
        this.className = className;
        this.live = live;
    }

    /** Where a streaming run sends what its class prints, on the printing thread, in order with its events. */
    interface OutputSink {
        void write(boolean toErr, byte[] bytes, int offset, int length);
    }

    /** The open context of the calling thread, or null when the thread works for no running class. */
    public static ClassContext current() {
        ClassContext context = CURRENT.get();
        return context != null && context.open ? context : null;
    }

    void enter() {
        CURRENT.set(this);
    }

    void close() {
        open = false;
        CURRENT.remove();
    }

    public String className() {
        return className;
    }

    void testStarted(String uniqueId, String displayName) {
        runningTests.put(Thread.currentThread(), TestOutput.open(uniqueId, displayName));
    }

    /** The tests running now, for a message about an exit ({@code test exits()}); null when none is. */
    String runningTestNames() {
        List<String> names = runningTests.values().stream().map(TestOutput::displayName).toList();
        return names.isEmpty() ? null : (names.size() == 1 ? "test " : "tests ") + String.join(", ", names);
    }

    /** The output of the test that just finished on this thread, or null (a skipped test never started). */
    TestOutput testFinished(String uniqueId) {
        TestOutput output = runningTests.get(Thread.currentThread());
        if (output == null || !output.uniqueId().equals(uniqueId)) {
            return null;
        }
        runningTests.remove(Thread.currentThread());
        return output;
    }

    void write(boolean toErr, byte[] bytes, int offset, int length) {
        (toErr ? stderr : stdout).write(bytes, offset, length);
        if (live != null) {
            live.write(toErr, bytes, offset, length);
        }
        TestOutput test = runningTests.get(Thread.currentThread());
        if (test != null) {
            (toErr ? test.stderr() : test.stdout()).write(bytes, offset, length);
        }
    }

    BoundedOutput stdout() {
        return stdout;
    }

    BoundedOutput stderr() {
        return stderr;
    }
}
