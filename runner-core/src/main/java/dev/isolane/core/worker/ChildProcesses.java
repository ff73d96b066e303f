package dev.isolane.core.worker;

import dev.isolane.core.protocol.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Processes that test classes start and leave running. When a class ends, each live process of this JVM that started
 * while it ran is ended, and the class is named with their command lines: left alone, they outlive the build. A
 * process that started while several classes ran is ended once all of them have, and they are named together. With
 * {@code keepChildProcesses} they live on until the worker exits (a server a test starts on purpose), and no process
 * outlives the worker.
 */
final class ChildProcesses {

    /**
     * The operating system keeps process start times from a boot time of whole seconds, so they are off by up to a
     * second, the same for every process: {@link #startOffset} measures it. What is left is the clock ticks (10 ms)
     * and the uptime's hundredths, well inside this.
     */
    private static final Duration CLOCK_SLACK = Duration.ofMillis(100);

    /** How long an ended process gets to go on its own (a server shutting down) before it is killed. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Consumer<Message> out;
    private final Supplier<Stream<ProcessHandle>> processes;
    private final Map<String, Instant> running = new HashMap<>();
    /** Classes that ended, with their run, while a process that started during it may still be alive. */
    private final Map<String, Instant[]> ended = new LinkedHashMap<>();
    private final Set<Long> handled = new HashSet<>();
    private final Duration startOffset;
    private final BooleanSupplier mayHaveChildren;
    private volatile boolean keep;

    /**
     * @param processes       the processes to watch: this JVM's descendants, or a stand-in for tests
     * @param mayHaveChildren a cheap first look: false when no process can be running, so the costly look is spared
     */
    ChildProcesses(Consumer<Message> out, Supplier<Stream<ProcessHandle>> processes, BooleanSupplier mayHaveChildren) {
        this.out = out;
        this.processes = processes;
        this.mayHaveChildren = mayHaveChildren;
        this.startOffset = startOffset();
    }

    static ChildProcesses ofThisJvm(Consumer<Message> out) {
        return new ChildProcesses(out, () -> ProcessHandle.current().descendants(), ChildProcesses::reaperRuns);
    }

    /**
     * Listing this JVM's descendants reads every process of the machine (half a millisecond); a class of a few
     * milliseconds cannot pay that at its end. The JDK waits for each process a {@code Process} started on a thread
     * of its own, named "process reaper", which lingers a while after: without one, no test has started a process
     * lately. (A process started from native code has none: the worker's exit finds it.)
     */
    static boolean reaperRuns() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads);
        for (int i = 0; i < count; i++) {
            if (threads[i].getName().startsWith("process reaper")) {
                return true;
            }
        }
        return false;
    }

    /**
     * How far the operating system's process start times are off. Linux gives them as its boot time in whole seconds
     * ({@code btime} of {@code /proc/stat}, which the JDK reads) plus clock ticks; the true boot instant is now less
     * {@code /proc/uptime}. (This JVM's own start time is no yardstick: the JVM records it well after the exec, 300 ms
     * and more on a busy machine, and a process would then seem to start that much later than it did.) Elsewhere the
     * start times are exact.
     */
    static Duration startOffset() {
        try {
            // The uptime read between two clock readings close together: a thread paused in between would skew it.
            Instant now = null;
            double uptimeSeconds = 0;
            for (int attempt = 0; attempt < 5; attempt++) {
                long before = System.nanoTime();
                Instant at = Instant.now();
                uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split("\\s+")[0]);
                now = at;
                if (System.nanoTime() - before < 2_000_000) {
                    break;
                }
            }
            long bootSeconds = Files.readAllLines(Path.of("/proc/stat")).stream()
                    .filter(line -> line.startsWith("btime ")).mapToLong(line -> Long.parseLong(line.substring(6).trim()))
                    .findFirst().orElseThrow();
            Instant trueBoot = now.minusNanos((long) (uptimeSeconds * 1e9));
            return Duration.between(trueBoot, Instant.ofEpochSecond(bootSeconds));
        } catch (IOException | RuntimeException notLinux) {
            return Duration.ZERO;
        }
    }

    void keep(boolean keepChildProcesses) {
        this.keep = keepChildProcesses;
    }

    synchronized void classStarted(String className) {
        running.put(className, Instant.now());
    }

    /**
     * The class is over: end what it left running, and what it and classes also over now left, that is every process
     * all of whose suspects have ended.
     */
    synchronized void classFinished(String className) {
        Instant start = running.remove(className);
        if (start == null) {
            return;
        }
        ended.put(className, new Instant[] {start, Instant.now()});
        if (keep || !mayHaveChildren.getAsBoolean()) {
            forgetEndedClassesNoProcessNeeds();
            return;
        }
        Map<Set<String>, List<ProcessHandle>> bySuspects = new LinkedHashMap<>();
        live().forEach(process -> {
            Set<String> suspects = suspects(process);
            if (!suspects.isEmpty() && suspects.stream().noneMatch(running::containsKey)) {
                bySuspects.computeIfAbsent(suspects, s -> new ArrayList<>()).add(process);
            }
        });
        bySuspects.forEach((suspects, left) -> end(List.copyOf(suspects), left, true));
        forgetEndedClassesNoProcessNeeds();
    }

    /** The worker is exiting: nothing it started may outlive it. */
    synchronized void workerExiting() {
        Map<Set<String>, List<ProcessHandle>> bySuspects = new LinkedHashMap<>();
        live().forEach(process -> bySuspects.computeIfAbsent(suspects(process), s -> new ArrayList<>()).add(process));
        bySuspects.forEach((suspects, left) -> end(List.copyOf(suspects), left, true));
    }

    private List<ProcessHandle> live() {
        List<ProcessHandle> live = new ArrayList<>();
        // Only the top of each tree is named; its descendants end with it.
        Set<Long> descendantOfOther = new HashSet<>();
        List<ProcessHandle> all = processes.get().filter(ProcessHandle::isAlive).toList();
        for (ProcessHandle process : all) {
            process.descendants().forEach(child -> descendantOfOther.add(child.pid()));
        }
        for (ProcessHandle process : all) {
            if (!descendantOfOther.contains(process.pid()) && !handled.contains(process.pid())) {
                live.add(process);
            }
        }
        return live;
    }

    /** The classes that were running when the process started. */
    private Set<String> suspects(ProcessHandle process) {
        Instant born = process.info().startInstant().map(start -> start.minus(startOffset)).orElse(Instant.now());
        Set<String> suspects = new TreeSet<>();
        running.forEach((name, start) -> {
            if (!born.isBefore(start.minus(CLOCK_SLACK))) {
                suspects.add(name);
            }
        });
        ended.forEach((name, run) -> {
            if (!born.isBefore(run[0].minus(CLOCK_SLACK)) && !born.isAfter(run[1].plus(CLOCK_SLACK))) {
                suspects.add(name);
            }
        });
        return suspects;
    }

    private void end(List<String> suspects, List<ProcessHandle> left, boolean endThem) {
        List<String> commandLines = new ArrayList<>();
        for (ProcessHandle process : left) {
            handled.add(process.pid());
            commandLines.add(process.info().commandLine().or(() -> process.info().command()).orElse("(unknown)")
                    + " (pid " + process.pid() + ")");
            if (endThem) {
                List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
                tree.add(process);
                tree.forEach(ProcessHandle::destroy);
                Thread killer = new Thread(() -> {
                    try {
                        Thread.sleep(GRACE.toMillis());
                    } catch (InterruptedException ignored) {
                        // killing now
                    }
                    tree.forEach(ProcessHandle::destroyForcibly);
                }, "isolane-process-ender");
                killer.setDaemon(true);
                killer.start();
            }
        }
        out.accept(new Message.ProcessesLeft(suspects, commandLines, endThem));
    }

    private void forgetEndedClassesNoProcessNeeds() {
        if (running.isEmpty() && !keep) {
            ended.clear(); // a process that starts from now on started while no class ran
        }
    }
}
