package dev.isolane.core.worker;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;

/** Formats the stacks of every thread, as {@code jstack} would, with every frame (ThreadInfo's own cuts at 8). */
final class ThreadDumps {

    private ThreadDumps() {}

    static String all() {
        StringBuilder text = new StringBuilder();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            text.append('"').append(thread.getThreadName()).append('"')
                    .append(thread.isDaemon() ? " daemon" : "")
                    .append(" #").append(thread.getThreadId())
                    .append(' ').append(thread.getThreadState());
            if (thread.getLockName() != null) {
                text.append(" on ").append(thread.getLockName());
            }
            if (thread.getLockOwnerName() != null) {
                text.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
            }
            text.append('\n');
            StackTraceElement[] frames = thread.getStackTrace();
            for (int i = 0; i < frames.length; i++) {
                text.append("\tat ").append(frames[i]).append('\n');
                for (MonitorInfo monitor : thread.getLockedMonitors()) {
                    if (monitor.getLockedStackDepth() == i) {
                        text.append("\t- locked ").append(monitor).append('\n');
                    }
                }
            }
            for (LockInfo lock : thread.getLockedSynchronizers()) {
                text.append("\t- holds ").append(lock).append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }
}
