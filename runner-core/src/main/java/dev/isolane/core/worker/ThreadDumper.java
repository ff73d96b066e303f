package dev.isolane.core.worker;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A thread dump of this JVM in jstack's style, for a class that ran past its timeout: first any deadlock, then the
 * threads running test classes (each marked with its class), then the deadlocked threads, then the rest. Stacks are
 * complete, not cut at eight frames as {@link ThreadInfo#toString()} cuts them.
 */
final class ThreadDumper {

    private ThreadDumper() {}

    static String dump() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean monitors = threads.isObjectMonitorUsageSupported();
        boolean synchronizers = threads.isSynchronizerUsageSupported();
        long[] deadlockedIds = synchronizers ? threads.findDeadlockedThreads() : threads.findMonitorDeadlockedThreads();
        Set<Long> deadlocked = new HashSet<>();
        for (long id : deadlockedIds == null ? new long[0] : deadlockedIds) {
            deadlocked.add(id);
        }
        Map<Long, String> runners = RunnerThreads.byThreadId();
        List<ThreadInfo> infos = new ArrayList<>(Arrays.asList(threads.dumpAllThreads(monitors, synchronizers)));
        infos.removeIf(info -> info == null);
        infos.sort(Comparator.<ThreadInfo>comparingInt(info -> runners.containsKey(info.getThreadId()) ? 0
                : deadlocked.contains(info.getThreadId()) ? 1 : 2).thenComparingLong(ThreadInfo::getThreadId));

        StringBuilder text = new StringBuilder();
        text.append("Thread dump of pid ").append(ProcessHandle.current().pid()).append(" at ").append(Instant.now())
                .append(", ").append(infos.size()).append(" threads\n");
        if (!deadlocked.isEmpty()) {
            text.append("\nDeadlock: ").append(deadlocked.size()).append(" threads wait for each other\n");
            for (ThreadInfo info : infos) {
                if (deadlocked.contains(info.getThreadId())) {
                    text.append("  \"").append(info.getThreadName()).append("\" waits for ").append(info.getLockName())
                            .append(", held by \"").append(info.getLockOwnerName()).append("\"\n");
                }
            }
        }
        for (ThreadInfo info : infos) {
            text.append('\n');
            append(text, info, runners.get(info.getThreadId()), deadlocked.contains(info.getThreadId()));
        }
        return text.toString();
    }

    /** A frame as a stack trace prints it, without the loader and module prefixes a thread dump's frames carry. */
    static String frame(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    private static void append(StringBuilder text, ThreadInfo info, String runsClass, boolean deadlocked) {
        text.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId())
                .append(info.isDaemon() ? " daemon" : "").append(" prio=").append(info.getPriority())
                .append(' ').append(info.getThreadState());
        if (runsClass != null) {
            text.append(" [runs ").append(runsClass).append(']');
        }
        if (deadlocked) {
            text.append(" [DEADLOCKED]");
        }
        text.append('\n');
        StackTraceElement[] frames = info.getStackTrace();
        for (int depth = 0; depth < frames.length; depth++) {
            text.append("\tat ").append(frame(frames[depth])).append('\n');
            if (depth == 0 && info.getLockInfo() != null) {
                String owner = info.getLockOwnerName() == null ? "" : " held by \"" + info.getLockOwnerName() + "\"";
                text.append("\t- ").append(info.getThreadState() == Thread.State.BLOCKED ? "waiting to lock "
                        : "waiting on ").append(info.getLockInfo()).append(owner).append('\n');
            }
            for (MonitorInfo monitor : info.getLockedMonitors()) {
                if (monitor.getLockedStackDepth() == depth) {
                    text.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        LockInfo[] synchronizers = info.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            text.append("\tLocked synchronizers:\n");
            for (LockInfo lock : synchronizers) {
                text.append("\t- ").append(lock).append('\n');
            }
        }
    }
}
